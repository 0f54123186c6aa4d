package dev.envplane.operations;

import static dev.envplane.testing.GraphQL.execute;
import static dev.envplane.testing.GraphQL.vars;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.envplane.local.LocalDatabase;
import dev.envplane.testing.Database;
import dev.envplane.testing.Fixtures;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.SqlStatements;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Migration V5: the runtime login (envplane_runtime by default) reads and writes rows of every table, including
 * tables a later migration creates, and can change nothing else. The application has migrated the test database as
 * the schema's owner and runs as the runtime login (LocalServicesResource), as in production.
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class RuntimeLoginTest {

    private static final String LOGIN = LocalServicesResource.RUNTIME_LOGIN;
    private static final String PASSWORD = LocalServicesResource.RUNTIME_PASSWORD;

    private static Connection runtime() throws SQLException {
        return DriverManager.getConnection(LocalServicesResource.database().jdbcUrl(), LOGIN, PASSWORD);
    }

    private static void runAsRuntime(String sql) throws SQLException {
        try (Connection connection = runtime(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void readsAndWritesRowsOfEveryTable() {
        for (String table : new String[] { "project", "environment", "warehouse_connection", "environment_credentials" }) {
            assertDoesNotThrow(() -> runAsRuntime("select count(*) from " + table), table);
            assertDoesNotThrow(() -> runAsRuntime("insert into " + table + " select * from " + table + " where false"), table);
            assertDoesNotThrow(() -> runAsRuntime("update " + table + " set version = version where false"), table);
            assertDoesNotThrow(() -> runAsRuntime("delete from " + table + " where false"), table);
        }
    }

    @Test
    void changesNoSchemaAndLeavesFlywayAlone() {
        for (String ddl : new String[] { "create table intruder (i int)", "drop table project", "alter table project add column x int",
                "truncate project", "select * from flyway_schema_history", "delete from flyway_schema_history where false" }) {
            SQLException refused = assertThrows(SQLException.class, () -> runAsRuntime(ddl), ddl);
            assertEquals("42501", refused.getSQLState(), ddl + ": " + refused.getMessage());
        }
    }

    @Test
    void tablesOfLaterMigrationsAreGrantedToo() throws SQLException {
        try (Connection owner = LocalServicesResource.database().connect(); Statement statement = owner.createStatement()) {
            statement.execute("create table if not exists later_migration_table (id int)");
        }
        try {
            assertDoesNotThrow(() -> runAsRuntime("insert into later_migration_table values (1)"));
            assertDoesNotThrow(() -> runAsRuntime("delete from later_migration_table"));
        } finally {
            try (Connection owner = LocalServicesResource.database().connect(); Statement statement = owner.createStatement()) {
                statement.execute("drop table later_migration_table");
            }
        }
    }

    @Test
    void theApplicationWritesAsTheRuntimeLogin() throws SQLException {
        String name = Fixtures.unique("runtime-login");
        // only this test's statements: other tests insert rows as the owner to set up what the API must refuse
        SqlStatements.reset();
        execute("mutation($n: String!) { createProject(input: {name: $n}) { id } }", vars("n", name))
                .body("errors", nullValue()).body("data.createProject.id", notNullValue());
        assertEquals(1, Database.count("select count(*) from project where name = ?", name));
        // pg_stat_statements keeps statements per login: the API's inserts were made by the runtime login only
        try (Connection maintenance = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + LocalServicesResource.database().port()
                + "/postgres", LocalDatabase.USER, LocalDatabase.PASSWORD); Statement statement = maintenance.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            ResultSet byLogin = statement.executeQuery("select r.rolname, sum(s.calls) from pg_stat_statements s join pg_roles r on r.oid = s.userid "
                    + "where s.dbid = (select oid from pg_database where datname = '" + LocalDatabase.DATABASE + "') "
                    + "and s.query ~* '^\\s*insert\\s+into\\s+project\\M' group by r.rolname");
            Map<String, Long> inserts = new HashMap<>();
            while (byLogin.next()) {
                inserts.put(byLogin.getString(1), byLogin.getLong(2));
            }
            assertEquals(Set.of(LOGIN), inserts.keySet(), "inserts into project by login: " + inserts);
        }
    }
}
