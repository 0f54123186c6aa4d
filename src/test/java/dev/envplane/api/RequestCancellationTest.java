package dev.envplane.api;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

import dev.envplane.testing.Eventually;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.SqlStatements;
import dev.envplane.testing.TableLock;
import dev.envplane.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A request whose client has gone (a disconnect, a client-side timeout) stops before its next database load, and a
 * request waiting on the database holds up nobody else. The slow request is made slow by a table lock, not a sleep:
 * its root field waits in PostgreSQL until the test lets it go.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class RequestCancellationTest {

    private static final String ENVIRONMENT_READ = "\\mfrom environment\\M";
    private static final String CANCELLED_LOG_LINE = "Client gone: the rest of the request was not run";

    /** Root field: one project (waits on the lock); next level: its environments (a second statement). */
    private static String projectWithEnvironments(String projectId) {
        return "{\"query\": \"query($p: ID!) { project(id: $p) { name environments { name } } }\", "
                + "\"variables\": {\"p\": \"" + projectId + "\"}}";
    }

    private static String projectWithOneEnvironment() {
        String project = Fixtures.project(Fixtures.unique("cancel"));
        execute("mutation($p: ID!) { createEnvironment(input: {projectId: $p, name: \"ci\", type: DEPLOYMENT, deploymentType: GENERAL}) "
                + "{ id } }", vars("p", project)).body("errors", nullValue());
        return project;
    }

    private static Socket send(String body) throws IOException {
        return send(body, "");
    }

    private static Socket send(String body, String extraHeaders) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Authorization: Bearer " + Tokens.admin() + "\r\n" + extraHeaders + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    private static long cancelledLines() {
        return LocalServicesResource.applicationLog().lines().filter(line -> line.contains(CANCELLED_LOG_LINE)).count();
    }

    /** The request waits on the lock; the client goes away its own way; then the lock is released. */
    private static void clientGoesAwayWhileTheRootFieldWaits(ThrowingConsumer<Socket> goAway) throws Throwable {
        String project = projectWithOneEnvironment();
        long cancelledBefore = cancelledLines();
        SqlStatements.reset();
        try (TableLock lock = TableLock.on("project"); Socket client = send(projectWithEnvironments(project))) {
            Eventually.until("the request waits on the locked table", () -> TableLock.waiting() == 1);
            goAway.accept(client);
        }
        Eventually.until("the request, let go after its client left, stops before its next field", () -> cancelledLines() > cancelledBefore);
        assertThat("environments were read for a client that had gone", SqlStatements.callsMatching(ENVIRONMENT_READ), is(0L));
        execute("{ __typename }").body("data.__typename", equalTo("Query"));
    }

    @Test
    void aDisconnectedClientsRequestMakesNoFurtherDatabaseLoads() throws Throwable {
        clientGoesAwayWhileTheRootFieldWaits(Socket::close);
    }

    @Test
    void aClientThatTimesOutStopsItsRequestToo() throws Throwable {
        clientGoesAwayWhileTheRootFieldWaits(client -> {
            client.setSoTimeout(300);
            try (InputStream in = client.getInputStream()) {
                in.read();
                throw new AssertionError("The request answered while its table was locked");
            } catch (SocketTimeoutException timedOut) {
                // what an HTTP client does on its read timeout: it gives up and closes the connection
                client.close();
            }
        });
    }

    @Test
    void theSameRequestWithItsClientStillThereReadsTheNextLevel() throws Exception {
        String project = projectWithOneEnvironment();
        SqlStatements.reset();
        String answer;
        try (Socket client = send(projectWithEnvironments(project), "Connection: close\r\n")) {
            client.setSoTimeout(30_000);
            answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer, containsString("\"environments\":[{\"name\":\"ci\"}]"));
        assertThat("the control case reads environments once", SqlStatements.callsMatching(ENVIRONMENT_READ), is(1L));
    }

    @Test
    void otherClientsAreAnsweredWhileOneRequestWaitsAndRefusedOnesArrive() throws Exception {
        String project = projectWithOneEnvironment();
        String refused = "{ projects(first: 100) { edges { node { environments { project { environments { project { name } } } } } } } }";
        try (TableLock lock = TableLock.on("project")) {
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> execute("query($p: ID!) { project(id: $p) { name } }",
                    vars("p", project)).extract().asString());
            Eventually.until("the slow request waits on the locked table", () -> TableLock.waiting() == 1);
            for (int i = 0; i < 10; i++) {
                execute(refused).body("errors", hasSize(1)).body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
                // another client's read of another table is answered while the slow one still waits
                execute("{ connections(first: 1) { pageInfo { hasNextPage } } }").body("errors", nullValue());
            }
            assertThat("the slow request was still waiting", TableLock.waiting(), is(1L));
            assertThat(slow.isDone(), is(false));
            lock.close();
            assertThat(slow.get(60, TimeUnit.SECONDS), containsString("\"project\":{\"name\":"));
        }
    }
}
