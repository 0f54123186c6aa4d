package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.ExecutionService;

/** SmallRye is given the kept documents instead of parsing each request's document once more. */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class SmallRyeDocumentsTest {

    @Inject
    ExecutionService execution;

    @Inject
    DocumentCache documents;

    @Inject
    SmallRyeDocuments smallRyeDocuments;

    @Test
    void smallRyeAsksTheKeptDocuments() throws ReflectiveOperationException {
        var field = ExecutionService.class.getDeclaredField("queryCache");
        field.setAccessible(true);
        assertInstanceOf(SmallRyeDocuments.class, field.get(execution),
                "installed at start; if SmallRye renamed its field, each request's document is parsed twice again");
    }

    @Test
    void aKeptQueryIsNotParsedAgainAndOthersAre() {
        String query = "{ projects(first: 1) { totalCount } }";
        execute(query).body("errors", nullValue()).body("data.projects.totalCount", notNullValue());
        AtomicInteger parsed = new AtomicInteger();
        Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
            parsed.incrementAndGet();
            return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
        };
        PreparsedDocumentEntry kept = smallRyeDocuments.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
        assertSame(documents.knownQuery(query), kept.getDocument());
        assertEquals(0, parsed.get());

        smallRyeDocuments.getDocumentAsync(ExecutionInput.newExecutionInput("{ projects(first: 2) { totalCount } }").build(), parse).join();
        assertEquals(1, parsed.get());
        // and a mutation is still answered (parsed by SmallRye's function, never kept)
        execute("mutation { deleteProject(id: \"00000000-0000-0000-0000-000000000000\", dryRun: true) { dryRun } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }
}
