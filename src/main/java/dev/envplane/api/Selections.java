package dev.envplane.api;

import java.util.Map;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * What a resolver's field selects directly below it, read from the document (resolvers see an empty selection set:
 * {@link LeanFieldFetchers}). Lets a level load what its children will ask for, so that they need not wait for a
 * batch of their own.
 */
public final class Selections {

    private Selections() {
    }

    /** Whether the current field selects {@code name} directly below it, through fragments too. */
    public static boolean asks(Context graphql, String name) {
        DataFetchingEnvironment field = graphql.unwrap(DataFetchingEnvironment.class);
        Map<String, FragmentDefinition> fragments = field.getFragmentsByName();
        return field.getMergedField().getFields().stream().anyMatch(each -> asks(each.getSelectionSet(), name, fragments));
    }

    private static boolean asks(SelectionSet selections, String name, Map<String, FragmentDefinition> fragments) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field child && name.equals(child.getName())
                    || selection instanceof InlineFragment inline && asks(inline.getSelectionSet(), name, fragments)
                    || selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                            && asks(fragments.get(spread.getName()).getSelectionSet(), name, fragments)) {
                return true;
            }
        }
        return false;
    }
}
