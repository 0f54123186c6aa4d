package dev.envplane.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** One value takes the form Hibernate keeps translated; several, or none, keep the list. */
class ListConditionsTest {

    @Test
    void oneValueIsAnEqualityOnTheValueItself() {
        assertEquals("e.projectId = :ids", ListConditions.in("e.projectId", "ids", Set.of("a")));
        assertEquals("a", ListConditions.value(Set.of("a")));
    }

    @Test
    void severalValuesOrNoneStayAList() {
        assertEquals("e.projectId in :ids", ListConditions.in("e.projectId", "ids", List.of("a", "b")));
        assertEquals(List.of("a", "b"), ListConditions.value(List.of("a", "b")));
        assertEquals("e.projectId in :ids", ListConditions.in("e.projectId", "ids", List.of()));
        assertEquals(List.of(), ListConditions.value(List.of()));
    }
}
