package dev.envplane.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.envplane.database.Sessions;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The one way nested fields load (and {@code deploymentTarget}'s aliases, at the top): every key asked for while
 * graphql-java walks one level goes to a single loader call (one SQL statement per level, however many parents), in a
 * read session of its own.
 *
 * <p>graphql-java fetches all the fields of a level in one synchronous pass once their parents are complete, so a
 * batch collects keys until the event loop turns, then runs. This needs no DataLoader registry (SmallRye only
 * installs one when it has {@code @Source List} operations of its own) and keys carry the field's arguments, so two
 * aliases of one field with different arguments get their own answers; SmallRye's batching keys by parent only.
 * Within a request a key is loaded once: asking again returns the same answer.
 */
public final class Batches {

    private static final String STATE = Batches.class.getName();

    private Batches() {
    }

    /**
     * The value for {@code key}, loaded together with the other keys of this level by {@code loader}, which returns
     * a value per key it found (a key left out means null); it must depend on the keys alone. {@code name} identifies
     * the field, e.g. "Project.environments".
     */
    public static <K, V> Uni<V> load(Context graphql, String name, K key, Function<Set<K>, Uni<Map<K, V>>> loader) {
        GraphQLContext request = graphql.unwrap(DataFetchingEnvironment.class).getGraphQlContext();
        RequestBatches batches = request.computeIfAbsent(STATE, ignored -> new RequestBatches());
        return Uni.createFrom().completionStage(batches.<K, V> of(name, loader).load(key));
    }

    /**
     * For values that are one query per distinct key (a count per filter): the keys of a level share one session
     * and run one after the other.
     */
    public static <K, V> Uni<V> loadEach(Context graphql, String name, K key, Function<K, Uni<V>> loader) {
        return load(graphql, name, key, keys -> Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(each -> loader.apply(each).map(value -> Map.entry(each, value)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Grouped values: a key with no rows gets an empty list rather than null. */
    public static <K, V> Uni<List<V>> loadList(Context graphql, String name, K key, Function<Set<K>, Uni<Map<K, List<V>>>> loader) {
        return Batches.<K, List<V>> load(graphql, name, key, loader).map(found -> found == null ? List.of() : found);
    }

    /** One request's loaders, by field name. */
    private static final class RequestBatches {
        private final Map<String, Loader<?, ?>> loaders = new HashMap<>();

        @SuppressWarnings("unchecked")
        synchronized <K, V> Loader<K, V> of(String name, Function<Set<K>, Uni<Map<K, V>>> loader) {
            io.vertx.core.Context request = Vertx.currentContext();
            if (request == null) {
                throw new IllegalStateException("Nested fields load on the request's Vert.x context");
            }
            return (Loader<K, V>) loaders.computeIfAbsent(name, ignored -> new Loader<>(loader, request));
        }
    }

    /** Answers each key once per request; keys not yet asked for wait in the open batch until the event loop turns. */
    private static final class Loader<K, V> {
        private final Function<Set<K>, Uni<Map<K, V>>> loader;
        private final io.vertx.core.Context request;
        private final Map<K, CompletableFuture<V>> answers = new HashMap<>();
        private Map<K, CompletableFuture<V>> open;

        Loader(Function<Set<K>, Uni<Map<K, V>>> loader, io.vertx.core.Context request) {
            this.loader = loader;
            this.request = request;
        }

        synchronized CompletableFuture<V> load(K key) {
            CompletableFuture<V> known = answers.get(key);
            if (known != null) {
                return known;
            }
            CompletableFuture<V> answer = new CompletableFuture<>();
            answers.put(key, answer);
            if (open == null) {
                open = new LinkedHashMap<>();
                request.runOnContext(ignored -> dispatch());
            }
            open.put(key, answer);
            return answer;
        }

        private void dispatch() {
            Map<K, CompletableFuture<V>> batch;
            synchronized (this) {
                batch = open;
                open = null;
            }
            try {
                RequestBudget.current().ifPresent(RequestBudget::spendLoad);
            } catch (RuntimeException overBudget) {
                batch.values().forEach(answer -> answer.completeExceptionally(overBudget));
                return;
            }
            Sessions.read(() -> loader.apply(batch.keySet())).subscribe().with(
                    found -> batch.forEach((key, answer) -> answer.complete(found.get(key))),
                    failure -> batch.values().forEach(answer -> answer.completeExceptionally(failure)));
        }
    }
}
