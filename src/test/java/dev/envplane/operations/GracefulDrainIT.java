package dev.envplane.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.envplane.local.LocalDatabase;
import dev.envplane.local.LocalServices;
import dev.envplane.testing.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * Scale-down without failed requests: the packaged application (JVM jar, or the native executable with -Dnative)
 * gets SIGTERM while requests are in flight and more keep coming. Every request sent before the signal gets a
 * complete, successful answer; readiness turns DOWN first; the database stays open until the last one is answered.
 *
 * <p>Requests are kept in flight by a table lock held from the test: they wait inside the database, past the
 * shutdown delay, until the lock is released.
 */
class GracefulDrainIT {

    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final int IN_FLIGHT = 12;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One request: when it was sent (relative to the signal), and what came back. */
    private record Call(String query, long sentAt, int status, String body, String failure) {
    }

    @Test
    void everyRequestAcceptedBeforeSigtermGetsACompleteAnswer() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT + 4);
        try (LocalServices services = LocalServices.startTemporary(Path.of("target", "postgres-drain-it.log"));
                PackagedApplication app = PackagedApplication.start(services, Map.of(
                        "QUARKUS_SHUTDOWN_DELAY", DELAY.toSeconds() + "s", "QUARKUS_SHUTDOWN_TIMEOUT", "20s"),
                        Path.of("target", "graceful-drain-it.log"))) {
            String projectId = data(call(app, "mutation { createProject(input: {name: \"drain-seed\"}) { id } }"))
                    .getString("data.createProject.id");
            for (String warmUp : List.of("{ project(id: \"" + projectId + "\") { id name environments { id } } }",
                    "{ projects(first: 5) { totalCount } }", "mutation { createProject(input: {name: \"drain-warm-up\"}) { id name } }")) {
                data(call(app, warmUp)); // a cold JVM loads classes on first use: not what this test measures
            }
            List<CompletableFuture<Call>> calls = new ArrayList<>();
            long[] signalAt = {Long.MAX_VALUE};
            try (Connection lock = services.database().connect()) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("lock table project in access exclusive mode");
                for (int i = 0; i < IN_FLIGHT; i++) {
                    String query = i % 2 == 0
                            ? "mutation { createProject(input: {name: \"drain-" + i + "\"}) { id name } }"
                            : "{ project(id: \"" + projectId + "\") { id name environments { id } } }";
                    calls.add(CompletableFuture.supplyAsync(() -> call(app, query), clients));
                }
                awaitWaitingOnLock(services.database(), IN_FLIGHT);
                // and a steady stream of reads from a few clients, before and after the signal
                AtomicBoolean stopped = new AtomicBoolean();
                for (int c = 0; c < 3; c++) {
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        Call last = null;
                        while (!stopped.get()) {
                            last = call(app, "{ projects(first: 5) { totalCount } }");
                            if (last.failure() != null || last.status() != 200) {
                                return last; // the server stopped taking requests
                            }
                        }
                        return last;
                    }, clients));
                }
                Thread.sleep(300);

                signalAt[0] = System.nanoTime();
                app.terminate();
                assertTrue(readinessGoesDown(app), "readiness must report DOWN during the shutdown delay");
                Thread.sleep(DELAY.toMillis() + 1_000); // past the delay: in-flight requests wait in the database
                assertTrue(app.process().isAlive(), "the application must wait for the requests in flight");
                lock.commit();
                stopped.set(true);
            }
            for (CompletableFuture<Call> future : calls) {
                Call call = future.get(30, TimeUnit.SECONDS);
                boolean acceptedBeforeSignal = call.sentAt() < signalAt[0];
                if (acceptedBeforeSignal || call.status() == 200) {
                    assertEquals(200, call.status(), () -> "status of " + call);
                    JsonPath body = JsonPath.from(call.body());
                    assertNull(body.get("errors"), () -> "errors in " + call);
                    assertTrue(body.getMap("data").values().stream().allMatch(v -> v != null), () -> "incomplete data in " + call);
                } else if (call.failure() == null) {
                    assertEquals(503, call.status(), () -> "after the delay a new request is refused, not failed: " + call);
                }
            }
            assertTrue(app.process().waitFor(30, TimeUnit.SECONDS), "the application stops after the drain");
            String log = app.log();
            assertFalse(log.contains("Pool closed") || log.contains("is closed"), "nothing used a closed pool or session");
            assertFalse(log.contains("Timed out waiting for graceful shutdown"), "the drain finished within the timeout");
            assertFalse(log.contains(" ERROR "), "no ERROR in the log:\n" + log);
            try (Connection db = services.database().connect();
                    ResultSet created = db.createStatement().executeQuery("select count(*) from project where name ~ '^drain-[0-9]+$'")) {
                created.next();
                assertEquals(IN_FLIGHT / 2, created.getInt(1), "every mutation answered before the stop was committed");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private Call call(PackagedApplication app, String query) {
        long sentAt = System.nanoTime();
        String json = "{\"query\": " + JsonString.of(query) + "}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url() + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + Tokens.admin())
                    .timeout(Duration.ofSeconds(40))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new Call(query, sentAt, response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Call(query, sentAt, 0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(query, sentAt, 0, null, e.toString());
        }
    }

    private static JsonPath data(Call call) {
        if (call.status() != 200) {
            fail("setup request failed: " + call);
        }
        return JsonPath.from(call.body());
    }

    /** Readiness answers DOWN (from the health check, not a refused request) while the requests in flight wait. */
    private boolean readinessGoesDown(PackagedApplication app) throws InterruptedException {
        long deadline = System.nanoTime() + DELAY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(app.readinessUrl())).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 503 && ready.body().contains("\"DOWN\"")) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static void awaitWaitingOnLock(LocalDatabase database, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection db = database.connect()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet waiting = db.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where datname = 'envplane' and wait_event_type = 'Lock'")) {
                    waiting.next();
                    if (waiting.getInt(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        fail(count + " requests never reached the database");
    }

    /** A JSON string literal. */
    private static final class JsonString {
        static String of(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
