package dev.envplane.api;

import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.QueryCache;

/**
 * SmallRye parses every request's document once more before executing it, only to note which operation types it
 * holds, through its own document cache; that cache is filled by an instrumentation {@link ExecutionGuards} replaces,
 * so it never holds anything and the parse was 7% of a read's CPU (JFR). This gives SmallRye the documents the
 * {@link DocumentCache} keeps instead. A document not kept there is parsed as before, without SmallRye's thread-local,
 * which held the last request's input (variables included) on the event-loop thread until the next one.
 *
 * <p>SmallRye offers no setting for it, so the field is replaced once at start. If that fails (a SmallRye version with
 * another field), SmallRye keeps its own cache: slower, never wrong.
 */
@Singleton
@Typed(SmallRyeDocuments.class)
final class SmallRyeDocuments extends QueryCache {

    private static final Logger LOG = Logger.getLogger(SmallRyeDocuments.class);

    private final DocumentCache documents;

    @Inject
    SmallRyeDocuments(DocumentCache documents) {
        this.documents = documents;
    }

    void install(@Observes StartupEvent started, ExecutionService execution) {
        try {
            Field cache = ExecutionService.class.getDeclaredField("queryCache");
            cache.setAccessible(true);
            cache.set(execution, this);
        } catch (ReflectiveOperationException | RuntimeException failed) {
            LOG.infof("SmallRye keeps its own document cache (%s): each request's document is parsed once more", failed);
        }
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parse) {
        Document known = documents.knownQuery(input.getQuery());
        return CompletableFuture.completedFuture(known != null ? new PreparsedDocumentEntry(known) : parse.apply(input));
    }
}
