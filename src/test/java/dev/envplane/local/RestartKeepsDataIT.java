package dev.envplane.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envplane.operations.PackagedApplication;

/**
 * The local default keeps its data: the packaged application (the artifact this build produced: the JVM jar, or the
 * native executable with -Dnative) and both local services are stopped and started again on the same data
 * directories, and nothing is lost.
 */
class RestartKeepsDataIT {

    @TempDir
    Path dataDir;

    @Test
    void projectsSurviveARestartOfEverything() throws Exception {
        String name = "restart-" + UUID.randomUUID();
        Path log = Path.of("target", "restart-it.log");
        String projectId;
        try (LocalServices services = LocalServices.startPersistent(0, 0, dataDir, "root");
                PackagedApplication app = PackagedApplication.start(services, Map.of(), log)) {
            projectId = given().baseUri(app.url()).contentType("application/json")
                    .body(Map.of("query", "mutation($n: String!) { createProject(input: {name: $n}) { id } }", "variables", Map.of("n", name)))
                    .post("/graphql").then().statusCode(200).body("errors", nullValue()).extract().path("data.createProject.id");
        }
        try (LocalServices services = LocalServices.startPersistent(0, 0, dataDir, null);
                PackagedApplication app = PackagedApplication.start(services, Map.of(), log)) {
            given().baseUri(app.url()).contentType("application/json")
                    .body(Map.of("query", "query($id: ID!) { project(id: $id) { name } }", "variables", Map.of("id", projectId)))
                    .post("/graphql").then().statusCode(200).body("data.project.name", equalTo(name));
        }
    }
}
