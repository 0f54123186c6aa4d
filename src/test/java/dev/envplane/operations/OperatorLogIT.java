package dev.envplane.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.envplane.local.LocalServices;
import io.restassured.path.json.JsonPath;

/**
 * What an operator reads in the JSON log of the packaged application: an expected CONFLICT is one DEBUG line, not
 * PostgreSQL's error text at WARN; an unexpected failure is one ERROR under the reference the caller got; every
 * line a request logs carries that request's reference; the start-up is free of warnings.
 */
class OperatorLogIT {

    private static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");

    @Test
    void logsOnlyRealProblemsAndFollowsEachRequest() throws Exception {
        try (LocalServices services = LocalServices.startTemporary(Path.of("target", "postgres-log-it.log"));
                PackagedApplication app = PackagedApplication.start(services,
                        Map.of("ENVPLANE_LOG_JSON", "true", "QUARKUS_LOG_CATEGORY__DEV_ENVPLANE__LEVEL", "DEBUG"),
                        Path.of("target", "operator-log-it.log"))) {
            String create = "mutation($n: String!) { createProject(input: {name: $n}) { id } }";
            graphql(app, create, "taken").body("errors", nullValue());
            graphql(app, create, "taken").body("errors[0].extensions.code", equalTo("CONFLICT"));
            // several connections at once (each used to register the SQL client's gauges again)
            List<CompletableFuture<Void>> reads = IntStream.range(0, 12).mapToObj(i -> CompletableFuture.runAsync(
                    () -> graphql(app, "{ projects(first: 5) { totalCount } }", null).body("errors", nullValue()))).toList();
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);

            String internalMessage;
            try (Connection db = services.database().connect()) {
                db.createStatement().execute("create function refuse() returns trigger language plpgsql as "
                        + "$$ begin raise exception 'refused by the test'; end $$");
                db.createStatement().execute("create trigger refuse before insert on project for each row execute function refuse()");
                internalMessage = graphql(app, create, "refused").body("errors[0].extensions.code", equalTo("INTERNAL"))
                        .extract().path("errors[0].message");
                db.createStatement().execute("drop trigger refuse on project");
            }
            Matcher referenceInAnswer = REFERENCE.matcher(internalMessage);
            assertTrue(referenceInAnswer.find(), internalMessage);
            String reference = referenceInAnswer.group(1);

            List<JsonPath> lines = app.log().lines().filter(line -> line.startsWith("{")).map(JsonPath::from).toList();
            // Vert.x warns when a loaded machine holds an event loop up (class loading on first use): the machine's
            // problem, reported as it should be, and no concern of this test
            String problems = lines.stream().filter(line -> List.of("WARN", "ERROR").contains(line.getString("level")))
                    .filter(line -> !line.getString("loggerName").equals("io.vertx.core.impl.BlockedThreadChecker"))
                    .map(line -> line.getString("level") + " " + line.getString("loggerName") + ": " + line.getString("message"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertEquals("ERROR dev.envplane.api.ErrorMappingInterceptor: Unexpected failure in createProject (reference " + reference + ")\n",
                    problems, "the one unexpected failure is the only WARN or ERROR");
            JsonPath error = lines.stream().filter(line -> "ERROR".equals(line.getString("level"))).findFirst().orElseThrow();
            assertEquals(reference, error.getString("mdc.reference"), "the ERROR line carries the request's reference");

            List<JsonPath> conflicts = lines.stream().filter(line -> line.getString("message").contains("answered CONFLICT")).toList();
            assertEquals(1, conflicts.size(), "one line for the expected conflict");
            assertEquals("DEBUG", conflicts.get(0).getString("level"));
            assertTrue(conflicts.get(0).getString("message").contains("field name"), conflicts.get(0).getString("message"));
            assertTrue(conflicts.get(0).getString("mdc.reference").matches("[0-9a-f-]{36}"), "the DEBUG line carries a reference");

            String log = app.log();
            assertFalse(log.contains("duplicate key"), "no PostgreSQL error text in the log");
            // the API and management servers each have their gauges, told apart by port (PackagedApplication)
            assertFalse(log.lines().anyMatch(line -> line.contains("already registered")), "each gauge is registered once");
        }
    }

    private static io.restassured.response.ValidatableResponse graphql(PackagedApplication app, String query, String name) {
        Map<String, Object> body = name == null ? Map.of("query", query) : Map.of("query", query, "variables", Map.of("n", name));
        return given().baseUri(app.url()).contentType("application/json").body(body).post("/graphql").then().statusCode(200);
    }
}
