package dev.envplane.database;

import java.util.Collection;

/**
 * HQL conditions on a list of values, in the form Hibernate can keep translated. With a list parameter
 * ({@code x in :values}) Hibernate does not cache the query's plan and translates it to SQL again on every execution
 * (7% of the CPU of {@code deploymentTarget} and {@code environment} under the benchmark's load, JFR); with one value,
 * {@code x = :values} is translated once. A batch mostly holds one key (one project's environments, one target's
 * variables), so most reads take the kept form. Write the condition with {@link #in} and bind {@link #value}.
 */
public final class ListConditions {

    private ListConditions() {
    }

    /** {@code path = :parameter} for one value, else {@code path in :parameter}. */
    public static String in(String path, String parameter, Collection<?> values) {
        return path + (values.size() == 1 ? " = :" : " in :") + parameter;
    }

    /** What to bind to the condition's parameter: the value itself when there is one, else the list. */
    public static Object value(Collection<?> values) {
        return values.size() == 1 ? values.iterator().next() : values;
    }
}
