package dev.envplane.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.envplane.testing.LocalServicesResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The unique indexes behind "at most one PRODUCTION, one STAGING and one development environment per project", checked
 * in the database itself. The API also checks under the project lock, so its race tests pass without the indexes: only
 * this test fails when a migration drops one (checked by hand: without environment_one_production_per_project, every
 * API test still passed).
 */
@QuarkusTest
@WithTestResource(value = LocalServicesResource.class, scope = TestResourceScope.GLOBAL)
class OnePlacePerProjectIndexTest {

    @ParameterizedTest
    @CsvSource({ "DEPLOYMENT, PRODUCTION, environment_one_production_per_project",
            "DEPLOYMENT, STAGING, environment_one_staging_per_project",
            "DEVELOPMENT, , environment_one_development_per_project" })
    void aSecondEnvironmentInTheSamePlaceIsRefusedByItsIndex(String type, String deploymentType, String index) throws SQLException {
        try (Connection db = LocalServicesResource.database().connect()) {
            UUID project = UUID.randomUUID();
            try (PreparedStatement insert = db.prepareStatement("insert into project (id, name, default_branch, created_at, updated_at, version) "
                    + "values (?, ?, 'main', now(), now(), 0)")) {
                insert.setObject(1, project);
                insert.setString(2, "index-" + project);
                insert.executeUpdate();
            }
            insertEnvironment(db, project, "first", type, deploymentType);
            SQLException refused = assertThrows(SQLException.class, () -> insertEnvironment(db, project, "second", type, deploymentType));
            assertEquals("23505", refused.getSQLState(), refused.getMessage());
            assertEquals(true, refused.getMessage().contains(index), refused.getMessage());
            try (PreparedStatement delete = db.prepareStatement("delete from project where id = ?")) {
                delete.setObject(1, project);
                delete.executeUpdate();
            }
        }
    }

    private static void insertEnvironment(Connection db, UUID project, String name, String type, String deploymentType) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into environment (id, project_id, name, type, deployment_type, dbt_version, "
                + "use_custom_branch, created_at, updated_at, version) values (?, ?, ?, ?, ?, 'latest', false, now(), now(), 0)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, project);
            insert.setString(3, name);
            insert.setString(4, type);
            insert.setString(5, deploymentType);
            insert.executeUpdate();
        }
    }
}
