package dev.envplane.operations;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Migration V5: the runtime login (envplane_runtime by default) reads and writes rows of every table, including
 * tables a later migration creates, and can change nothing else. It is the login the application runs as in every
 * test (LocalServicesResource), so each HTTP test also proves that the grants suffice.
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
}
