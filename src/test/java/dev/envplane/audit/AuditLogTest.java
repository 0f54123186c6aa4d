package dev.envplane.audit;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.envplane.access.Permissions;
import dev.envplane.testing.Database;
import dev.envplane.testing.Errors;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.GraphQL;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The audit log over HTTP (README "Audit log"): every mutation call is recorded, allowed, denied or failed, with its
 * caller, targets and field names and never a value; only admins read it; the service's login cannot change it.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class AuditLogTest {

    private static final String ADMIN = "local-admin@envplane.local";
    private static final String EVENTS = """
            query($f: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $f, first: $first, after: $after) {
              edges { cursor node { id occurredAt actor role action outcome errorCode changedFields requestReference targets { kind id } } }
              pageInfo { hasNextPage endCursor } } }""";

    private static JsonPath page(Map<String, Object> filter, Integer first, String after) {
        return execute(EVENTS, vars("f", filter, "first", first, "after", after)).body("errors", nullValue()).extract().jsonPath();
    }

    private static List<Map<String, Object>> events(Map<String, Object> filter) {
        return page(filter, 100, null).getList("data.auditEvents.edges.node");
    }

    private static Map<String, Object> only(Map<String, Object> filter) {
        List<Map<String, Object>> found = events(filter);
        assertEquals(1, found.size(), "one event for " + filter + ": " + found);
        return found.get(0);
    }

    private static Map<String, Object> filter(Object... namesAndValues) {
        return vars(namesAndValues);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> targets(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("targets")).stream().map(t -> t.get("kind") + ":" + t.get("id")).collect(Collectors.toSet());
    }

    private static String environment(String projectId, String name) {
        return execute("mutation($p: ID!, $n: String!) { createEnvironment(input: {projectId: $p, name: $n, type: DEPLOYMENT, "
                + "deploymentType: GENERAL}) { id } }", vars("p", projectId, "n", name))
                .body("errors", nullValue()).extract().path("data.createEnvironment.id");
    }

    @Test
    void anAllowedMutationIsRecordedWithItsCallerTargetsAndFieldNames() {
        String project = Fixtures.project();
        String env = environment(project, "audited");
        execute("mutation($id: ID!) { updateEnvironment(id: $id, input: {name: \"renamed\", dbtVersion: \"1.9\"}) { id } }", vars("id", env))
                .body("errors", nullValue());

        Map<String, Object> update = only(filter("environmentId", env, "action", "updateEnvironment"));
        assertEquals(ADMIN, update.get("actor"));
        assertEquals("admin", update.get("role"));
        assertEquals("ALLOWED", update.get("outcome"));
        assertNull(update.get("errorCode"));
        assertEquals(List.of("input.dbtVersion", "input.name"), update.get("changedFields"));
        assertEquals(Set.of("ENVIRONMENT:" + env, "PROJECT:" + project), targets(update));
        assertNotNull(update.get("requestReference"));

        // what a mutation creates is a target too, with its project; the project's filter finds all three calls
        Map<String, Object> created = only(filter("environmentId", env, "action", "createEnvironment"));
        assertEquals(Set.of("ENVIRONMENT:" + env, "PROJECT:" + project), targets(created));
        assertEquals(List.of("updateEnvironment", "createEnvironment", "createProject"),
                events(filter("projectId", project)).stream().map(e -> e.get("action")).toList(), "newest first");
    }

    @Test
    void aDeniedMutationIsRecordedAndWritesNothingElse() {
        String name = Fixtures.unique("denied");
        Errors.assertError(GraphQL.as(Tokens.viewer()).execute("mutation($n: String!) { createProject(input: {name: $n}) { id } }",
                vars("n", name)), "FORBIDDEN", null);
        assertEquals(0, Database.count("select count(*) from project where name = ?", name));

        String project = Fixtures.project();
        Errors.assertError(GraphQL.as(Tokens.developer()).execute("mutation($id: ID!) { deleteProject(id: $id, force: true) { dryRun } }",
                vars("id", project)), "FORBIDDEN", null);
        assertEquals(1, Database.count("select count(*) from project where id = ?::uuid", project));

        Map<String, Object> denied = only(filter("projectId", project, "action", "deleteProject"));
        assertEquals("local-developer@envplane.local", denied.get("actor"));
        assertEquals("developer", denied.get("role"));
        assertEquals("DENIED", denied.get("outcome"));
        assertEquals("FORBIDDEN", denied.get("errorCode"));
        assertEquals(List.of("dryRun", "force"), denied.get("changedFields"));
        assertEquals(Set.of("PROJECT:" + project), targets(denied));

        Map<String, Object> viewer = events(filter("actor", "local-viewer@envplane.local", "action", "createProject")).get(0);
        assertEquals("DENIED", viewer.get("outcome"));
        // input fields with a default count as given (createProject's defaultBranch), as everywhere in the API
        assertEquals(List.of("input.defaultBranch", "input.name"), viewer.get("changedFields"));
    }

    @Test
    void aFailedMutationIsRecordedWithItsCodeAndLeavesNoAllowedEvent() {
        String project = Fixtures.project();
        String env = environment(project, "failing");
        Errors.assertError(execute("mutation($id: ID!) { updateEnvironment(id: $id, input: {dbtVersion: \"0.1-nope\"}) { id } }",
                vars("id", env)), "VALIDATION", "dbtVersion");
        Errors.assertError(execute("mutation($id: ID!) { updateEnvironment(id: $id, input: {name: \"x\"}, expectedVersion: 99) { id } }",
                vars("id", env)), "STALE_VERSION", "expectedVersion");

        List<Map<String, Object>> updates = events(filter("environmentId", env, "action", "updateEnvironment"));
        assertEquals(List.of("STALE_VERSION", "VALIDATION"), updates.stream().map(e -> e.get("errorCode")).toList());
        assertTrue(updates.stream().allMatch(e -> e.get("outcome").equals("FAILED")), "no ALLOWED event of a rolled-back call: " + updates);
        assertEquals(List.of("expectedVersion", "input.name"), updates.get(0).get("changedFields"));
        assertEquals(Set.of("ENVIRONMENT:" + env, "PROJECT:" + project), targets(updates.get(1)));
    }

    @Test
    void aSecretIsInNoAuditRow() {
        Fixtures.Environment env = Fixtures.environmentOn("postgres");
        String canary = "canary-audit-" + UUID.randomUUID();
        Map<String, Object> input = new HashMap<>(Map.of("postgres", Map.of("username", "dbt", "password", canary, "schema", "s")));
        execute("mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) { adapterType } }",
                vars("e", env.id(), "input", input)).body("errors", nullValue());
        // and a refused one, whose secret comes back in no error either
        execute("mutation($e: ID!, $input: CredentialsInput!) { setEnvironmentCredentials(environmentId: $e, input: $input) { adapterType } }",
                vars("e", env.id(), "input", Map.of("postgres", Map.of("password", canary + "x".repeat(2000)))));

        List<Map<String, Object>> sets = events(filter("environmentId", env.id(), "action", "setEnvironmentCredentials"));
        assertEquals(List.of("FAILED", "ALLOWED"), sets.stream().map(e -> e.get("outcome")).toList());
        assertEquals(List.of("input.postgres.password", "input.postgres.schema", "input.postgres.username"), sets.get(1).get("changedFields"));
        long rows = Database.count("select count(*) from audit_event e join audit_event_target t on t.event_id = e.id "
                + "where t.target_id = ?::uuid and e.action = 'setEnvironmentCredentials'", env.id());
        assertEquals(2, rows, "the scan below reads this environment's rows");
        assertEquals(0, Database.count("select count(*) from (select row_to_json(e)::text r from audit_event e "
                + "union all select row_to_json(t)::text from audit_event_target t) every_row where r like ?", "%" + canary + "%"));
        assertFalse(String.join("\n", Database.everyValue()).contains(canary), "the secret is in no row of any table");
    }

    @Test
    void filtersAndPages() {
        Instant before = Instant.now().minusSeconds(1);
        String project = Fixtures.project();
        for (int i = 0; i < 3; i++) {
            execute("mutation($id: ID!, $n: String!) { updateProject(id: $id, input: {name: $n}) { id } }",
                    vars("id", project, "n", Fixtures.unique("paged"))).body("errors", nullValue());
        }
        GraphQL.as(Tokens.developer()).execute("mutation($id: ID!, $n: String!) { updateProject(id: $id, input: {name: $n}) { id } }",
                vars("id", project, "n", Fixtures.unique("paged")));
        Map<String, Object> updates = filter("projectId", project, "action", "updateProject", "actor", ADMIN, "outcome", "ALLOWED");

        JsonPath first = page(updates, 2, null);
        assertEquals(2, first.getList("data.auditEvents.edges").size());
        assertTrue(first.getBoolean("data.auditEvents.pageInfo.hasNextPage"));
        JsonPath second = page(updates, 2, first.getString("data.auditEvents.pageInfo.endCursor"));
        assertEquals(1, second.getList("data.auditEvents.edges").size());
        assertFalse(second.getBoolean("data.auditEvents.pageInfo.hasNextPage"));
        List<String> times = new java.util.ArrayList<>(first.getList("data.auditEvents.edges.node.occurredAt"));
        times.addAll(second.getList("data.auditEvents.edges.node.occurredAt"));
        List<String> ids = new java.util.ArrayList<>(first.getList("data.auditEvents.edges.node.id"));
        ids.addAll(second.getList("data.auditEvents.edges.node.id"));
        assertEquals(3, Set.copyOf(ids).size(), "three different events over two pages");
        for (int i = 1; i < times.size(); i++) {
            assertFalse(Instant.parse(times.get(i)).isAfter(Instant.parse(times.get(i - 1))), "newest first: " + times);
        }

        assertEquals(1, events(filter("projectId", project, "outcome", "DENIED")).size(), "the developer's update");
        assertEquals(1, events(filter("projectId", project, "actor", "local-developer@envplane.local")).size());
        assertEquals(5, events(filter("projectId", project, "from", before.toString())).size(), "create, three updates, the denial");
        assertEquals(0, events(filter("projectId", project, "to", before.toString())).size());
        assertEquals(0, events(filter("projectId", project, "from", Instant.now().plusSeconds(60).toString())).size());

        // the README's example: times are DateTime scalars
        execute("query($p: ID!, $from: DateTime) { auditEvents(filter: {projectId: $p, outcome: DENIED, from: $from}, first: 20) { "
                + "edges { node { action } } } }", vars("p", project, "from", before.toString()))
                .body("errors", nullValue()).body("data.auditEvents.edges[0].node.action", equalTo("updateProject"));
        Errors.assertError(execute(EVENTS, vars("first", 2, "after", "bm90LWEtY3Vyc29y")), "VALIDATION", "after");
        Errors.assertError(execute(EVENTS, vars("f", filter("projectId", "nope"))), "VALIDATION", "filter.projectId");
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        for (String token : List.of(Tokens.developer(), Tokens.viewer(), Tokens.integration(UUID.randomUUID().toString()))) {
            Errors.assertError(GraphQL.as(token).execute(EVENTS, vars("first", 1)), "FORBIDDEN", null)
                    .body("errors[0].message", equalTo("Missing permission " + Permissions.READ_AUDIT))
                    .body("data", nullValue());
        }
    }

    @Test
    void theRuntimeLoginCannotChangeOrRemoveAuditRows() throws SQLException {
        Fixtures.project();
        try (Connection runtime = DriverManager.getConnection(LocalServicesResource.database().jdbcUrl(),
                LocalServicesResource.RUNTIME_LOGIN, LocalServicesResource.RUNTIME_PASSWORD); Statement statement = runtime.createStatement()) {
            assertDoesNotThrow(() -> statement.executeQuery("select count(*) from audit_event").close());
            for (String change : List.of("update audit_event set actor = 'someone else'", "delete from audit_event",
                    "truncate audit_event", "update audit_event_target set target_id = gen_random_uuid()",
                    "delete from audit_event_target", "truncate audit_event_target")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(change), change);
                assertEquals("42501", refused.getSQLState(), change + ": " + refused.getMessage());
            }
        }
        assertTrue(Database.count("select count(*) from audit_event") > 0);
    }

    /** A failure to write the audit after the mutation's own writes: INTERNAL, and the mutation is not committed. */
    @Test
    void aFailedAuditWriteFailsTheMutationAndCommitsNothing() throws SQLException {
        String name = Fixtures.unique("unaudited");
        try (Connection owner = LocalServicesResource.database().connect(); Statement statement = owner.createStatement()) {
            statement.execute("""
                    create or replace function audit_test_refuses() returns trigger language plpgsql as $$
                    begin if new.kind = 'PROJECT' and exists (select 1 from audit_event e where e.id = new.event_id
                        and e.action = 'createProject' and e.outcome = 'ALLOWED') then raise exception 'refused by the audit test'; end if;
                        return new; end $$;
                    create trigger audit_test_refuses before insert on audit_event_target for each row execute function audit_test_refuses();""");
        }
        String reference;
        try {
            ValidatableResponse answer = execute("mutation($n: String!) { createProject(input: {name: $n}) { id } }", vars("n", name));
            Errors.assertError(answer, "INTERNAL", null).body("data", nullValue());
            String message = answer.extract().path("errors[0].message");
            reference = message.replaceAll(".*\\(reference (.*)\\).*", "$1");
        } finally {
            try (Connection owner = LocalServicesResource.database().connect(); Statement statement = owner.createStatement()) {
                statement.execute("drop trigger if exists audit_test_refuses on audit_event_target; drop function if exists audit_test_refuses()");
            }
        }
        assertEquals(0, Database.count("select count(*) from project where name = ?", name));
        assertEquals(0, Database.count("select count(*) from audit_event where request_reference = ? and outcome = 'ALLOWED'", reference));
        Map<String, Object> failed = only(filter("action", "createProject", "outcome", "FAILED", "actor", ADMIN,
                "from", Instant.now().minusSeconds(30).toString()));
        assertEquals("INTERNAL", failed.get("errorCode"));
        assertEquals(reference, failed.get("requestReference"));
    }
}
