package dev.envplane.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envplane.local.vault.VaultServer;
import dev.envplane.local.vault.VaultServerConfig;

/**
 * The local default keeps its data: the packaged application (JVM jar, or the native executable in -Dnative) and
 * both embedded services are stopped and started again on the same data directories, and nothing is lost.
 */
class RestartKeepsDataIT {

    @TempDir
    Path dataDir;

    @Test
    void projectsAndSecretsSurviveARestartOfEverything() throws Exception {
        String name = "restart-" + UUID.randomUUID();
        int appPort = freePort();
        String projectId;
        try (LocalDatabase database = LocalDatabase.start(0, dataDir.resolve("postgres"));
                VaultServer vault = VaultServer.start(new VaultServerConfig(0, dataDir.resolve("vault"), "root", "secret"));
                Application app = Application.start(appPort, database, vault)) {
            projectId = given().port(appPort).contentType("application/json")
                    .body(Map.of("query", "mutation($n: String!) { createProject(input: {name: $n}) { id } }", "variables", Map.of("n", name)))
                    .post("/graphql").then().statusCode(200).body("errors", nullValue()).extract().path("data.createProject.id");
        }
        try (LocalDatabase database = LocalDatabase.start(0, dataDir.resolve("postgres"));
                VaultServer vault = VaultServer.start(new VaultServerConfig(0, dataDir.resolve("vault"), null, "secret"));
                Application app = Application.start(appPort, database, vault)) {
            given().port(appPort).contentType("application/json")
                    .body(Map.of("query", "query($id: ID!) { project(id: $id) { name } }", "variables", Map.of("id", projectId)))
                    .post("/graphql").then().statusCode(200).body("data.project.name", equalTo(name));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged application as a child process, stopped on close. */
    private record Application(Process process) implements AutoCloseable {

        static Application start(int port, LocalDatabase database, VaultServer vault) throws Exception {
            Path nativeRunner = Path.of(System.getProperty("native.image.path", "target/none"));
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(nativeRunner)) {
                command.add(nativeRunner.toAbsolutePath().toString());
            } else {
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        "target/quarkus-app/quarkus-run.jar"));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "restart-it.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            int managementPort = freePort();
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", LocalDatabase.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", LocalDatabase.PASSWORD);
            env.put("QUARKUS_VAULT_URL", vault.url());
            env.put("QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN", vault.rootToken());
            Application app = new Application(builder.start());
            app.awaitReady(managementPort);
            return app;
        }

        private void awaitReady(int managementPort) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            close();
            throw new IllegalStateException("The application did not become ready; see target/restart-it.log");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
