package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.Database;
import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.SqlStatements;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * A request held up in the database (a table it reads is locked by another transaction): when its client goes away,
 * the next level of the query never reaches the database; meanwhile other clients, and refusals, are answered.
 * Ordering, not timing: "blocked" is read from pg_locks, "cancelled" from the application's log, "ran" from
 * pg_stat_statements.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class CancellationTest {

    /** Root level reads project (locked below); the next level would read environment. */
    private static final String TWO_LEVELS = "{ projects(first: 1) { edges { node { name environments { name } } } } }";
    private static final String ENVIRONMENT_STATEMENTS = "\\mfrom environment\\M";
    /** Over the complexity limit (100 x 10 x 10 x 10 ...), refused before anything runs. */
    private static final String REFUSED =
            "{ projects(first: 100) { edges { node { environments { project { environments { project { name } } } } } } } }";

    @Test
    void aClientThatGoesAwayCancelsTheNextLevel() throws Exception {
        Fixtures.environmentOn("postgres");
        SqlStatements.reset();
        execute(TWO_LEVELS).body("errors", nullValue()).body("data.projects.edges", hasSize(1));
        assertTrue(SqlStatements.callsMatching(ENVIRONMENT_STATEMENTS) > 0, "the pattern sees the next level when it runs");

        int logBefore = LocalServicesResource.applicationLog().length();
        SqlStatements.reset();
        try (Connection lock = lockProjectTable()) {
            try (Socket client = sendRaw(TWO_LEVELS)) {
                Eventually.until("the request waits for the lock on project", CancellationTest::waitingOnProject);
            } // the client goes away (as after a client-side timeout)
            Eventually.until("the application sees the client go", () -> logSince(logBefore).contains("the request is cancelled"));
            lock.commit();
        }
        Eventually.until("the next level is refused instead of loaded",
                () -> logSince(logBefore).contains("A database load of a cancelled request was not started"));
        assertEquals(0, SqlStatements.callsMatching(ENVIRONMENT_STATEMENTS), "the next level's statement never ran");
        execute(TWO_LEVELS).body("errors", nullValue()).body("data.projects.edges", hasSize(1));
    }

    @Test
    void otherClientsAreAnsweredWhileOneWaitsInTheDatabaseAndOthersAreRefused() throws Exception {
        String connection = Fixtures.connection("postgres");
        CompletableFuture<ValidatableResponse> slow;
        try (Connection lock = lockProjectTable()) {
            slow = CompletableFuture.supplyAsync(() -> execute(TWO_LEVELS));
            Eventually.until("the slow request waits for the lock on project", CancellationTest::waitingOnProject);

            List<CompletableFuture<ValidatableResponse>> refusals = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> execute(REFUSED))).toList();
            execute("query($id: ID!) { connection(id: $id) { id } }", vars("id", connection))
                    .body("errors", nullValue()).body("data.connection.id", equalTo(connection));
            for (CompletableFuture<ValidatableResponse> refusal : refusals) {
                refusal.get(60, TimeUnit.SECONDS).body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
            }
            assertFalse(slow.isDone(), "the other client and the refusals were answered while the slow request still waited");
            lock.commit();
        }
        slow.get(60, TimeUnit.SECONDS).body("errors", nullValue()).body("data.projects.edges", hasSize(1));
    }

    /** An open transaction holding ACCESS EXCLUSIVE on project: every read of project waits until it ends. */
    private static Connection lockProjectTable() throws SQLException {
        Connection connection = LocalServicesResource.database().connect();
        connection.setAutoCommit(false);
        connection.createStatement().execute("lock table project in access exclusive mode");
        return connection;
    }

    private static boolean waitingOnProject() {
        return Database.count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation "
                + "where not l.granted and c.relname = 'project'") > 0;
    }

    /** A POST /graphql written on a plain socket, so that the test decides when the client goes away. */
    private static Socket sendRaw(String document) throws IOException {
        String body = "{\"query\":\"" + document.replace("\"", "\\\"") + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    /** What the application logged after {@code offset}, also when its log file was rotated meanwhile. */
    private static String logSince(int offset) {
        String log = LocalServicesResource.applicationLog();
        if (log.length() >= offset) {
            return log.substring(offset);
        }
        Path rotated = Path.of(LocalServicesResource.LOG_FILE + ".1");
        try {
            String before = Files.exists(rotated) ? Files.readString(rotated) : "";
            return (before.length() > offset ? before.substring(offset) : before) + log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
