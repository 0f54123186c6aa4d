package dev.envplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;

/** What DocumentCache keeps, and what it must not (the HTTP side is DocumentCacheTest). */
class DocumentCacheUnitTest {

    private final AtomicInteger parsed = new AtomicInteger();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    private final Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build());
    };

    private static PreparsedDocumentEntry ask(DocumentCache cache, String text, Function<ExecutionInput, PreparsedDocumentEntry> how) {
        return cache.getDocumentAsync(ExecutionInput.newExecutionInput(text).build(), how).join();
    }

    @Test
    void aQueryIsParsedOnceAndKeyedByItsExactText() {
        DocumentCache cache = new DocumentCache(10_000);
        PreparsedDocumentEntry first = ask(cache, "{ projects { totalCount } }", parse);
        assertSame(first, ask(cache, "{ projects { totalCount } }", parse));
        assertEquals(1, parsed.get());
        ask(cache, "{ projects  { totalCount } }", parse);
        assertEquals(2, parsed.get(), "another text, even equivalent, is parsed on its own");
    }

    @Test
    void mutationsAndDocumentsWithErrorsAreNeverKept() {
        DocumentCache cache = new DocumentCache(10_000);
        String inlineSecret = "mutation { setEnvironmentCredentials(id: \"1\", credentials: {postgres: {password: \"S3cret\"}}) { id } }";
        ask(cache, inlineSecret, parse);
        ask(cache, inlineSecret, parse);
        assertEquals(2, parsed.get(), "a mutation (it may carry a secret inline) is not kept");
        ask(cache, "query A { a } mutation B { b }", parse);
        ask(cache, "query A { a } mutation B { b }", parse);
        assertEquals(4, parsed.get(), "nor a document with a mutation beside a query");
        ask(cache, "{ nosuch }", invalid);
        ask(cache, "{ nosuch }", invalid);
        assertEquals(6, parsed.get(), "an error is never answered from the cache");
    }

    @Test
    void boundedByTheLengthOfWhatItHolds() {
        DocumentCache cache = new DocumentCache(40);
        String a = "{ projects { totalCount } }"; // 27 characters
        String b = "{ connections { totalCount } }"; // 30
        ask(cache, a, parse);
        ask(cache, b, parse); // a goes: 57 > 40
        ask(cache, a, parse);
        assertEquals(3, parsed.get(), "the least recently used went");
        ask(cache, "{ x }".repeat(10), parse);
        ask(cache, "{ x }".repeat(10), parse);
        assertEquals(5, parsed.get(), "a document longer than the whole cache is not kept");
    }

    @Test
    void theGateIsGivenOnlyQueriesThatParsedAndValidated() {
        DocumentCache cache = new DocumentCache(10_000);
        ask(cache, "{ projects { totalCount } }", parse);
        ask(cache, "mutation { deleteProject(id: \"x\") { dryRun } }", parse);
        ask(cache, "{ nosuch }", invalid);
        assertNotNull(cache.knownQuery("{ projects { totalCount } }"));
        assertNull(cache.knownQuery("mutation { deleteProject(id: \"x\") { dryRun } }"));
        assertNull(cache.knownQuery("{ nosuch }"));
        assertNull(cache.knownQuery("{ projects { totalCount } } "));
    }

    @Test
    void onlyPageSizesAndDirectivesMakeAVariablePartOfACost() {
        var document = Parser.parse("query($id: ID!, $first: Int, $deep: Boolean!, $name: String) { project(id: $id) { name } "
                + "projects(first: $first, after: $name) { edges { node { environments @include(if: $deep) { name } } } } }");
        assertEquals(java.util.Set.of("first", "deep"), OperationCosts.costVariables(document));
    }
}
