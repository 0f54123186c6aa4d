package dev.envplane.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.envplane.local.LocalDatabase;
import dev.envplane.local.vault.VaultServer;
import dev.envplane.local.vault.VaultServerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a throwaway PostgreSQL and Vault-compatible server on free 127.0.0.1 ports for the application under test
 * (in-process for @QuarkusTest, a child process for @QuarkusIntegrationTest) and stops them afterwards.
 *
 * <p>The application gets a Vault token bound to {@code deploy/vault/envplane-policy.hcl}, the policy operators
 * install, so every test also proves that policy grants what the service needs. It reaches Vault through a
 * {@link CuttableLink}, and logs at DEBUG to {@link #LOG_FILE}, so tests can prove where secrets did not go.
 */
public class LocalServicesResource implements QuarkusTestResourceLifecycleManager {

    /** Where the application logs: Quarkus' integration-test launcher also reads this file (to learn the port). */
    public static final Path LOG_FILE = Path.of("target", "quarkus.log");
    private static final Path POLICY = Path.of("deploy", "vault", "envplane-policy.hcl");

    private static LocalDatabase database;
    private static VaultServer vault;
    private static int managementPort;
    private static CuttableLink vaultLink;

    @Override
    public Map<String, String> start() {
        database = LocalDatabase.startTemporary();
        vault = VaultServer.start(VaultServerConfig.inMemory());
        vaultLink = new CuttableLink(vault.port());
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", LocalDatabase.USER);
        config.put("quarkus.datasource.password", LocalDatabase.PASSWORD);
        config.put("quarkus.vault.url", "http://127.0.0.1:" + vaultLink.port());
        config.put("quarkus.vault.authentication.client-token", serviceToken());
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.level", "DEBUG");
        for (String category : List.of("dev.envplane", "io.quarkus.vault", "io.smallrye.graphql", "org.hibernate.SQL",
                "org.hibernate.orm.jdbc.bind", "io.vertx.sqlclient", "io.quarkus.vertx.http")) {
            config.put("quarkus.log.category.\"" + category + "\".level", "DEBUG");
        }
        config.put("quarkus.log.console.level", "INFO");
        // The packaged application of the *IT classes runs in the prod profile: keep both of its ports on
        // 127.0.0.1, and the management port free (its default, 9000, may be taken by another build).
        managementPort = freePort();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.management.host", "127.0.0.1");
        config.put("quarkus.management.port", String.valueOf(managementPort));
        config.put("quarkus.management.test-port", String.valueOf(managementPort));
        return config;
    }

    /** A URL on the application's management port (health, metrics), the same for @QuarkusTest and *IT. */
    public static String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vaultLink != null) {
            vaultLink.close();
        }
        if (vault != null) {
            vault.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The database the application under test uses, to check what it stored. */
    public static LocalDatabase database() {
        return database;
    }

    /** The Vault-compatible server itself (root token, seal and unseal), bypassing the application's link. */
    public static VaultServer vault() {
        return vault;
    }

    /** The application's way to Vault: cut it to make Vault unreachable. */
    public static CuttableLink vaultLink() {
        return vaultLink;
    }

    /** Everything the application logged so far. */
    public static String applicationLog() {
        try {
            return Files.exists(LOG_FILE) ? Files.readString(LOG_FILE) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serviceToken() {
        try {
            String policy = Files.readString(POLICY);
            given().header("X-Vault-Token", vault.rootToken()).contentType("application/json").body(Map.of("policy", policy))
                    .put(vault.url() + "/v1/sys/policies/acl/envplane").then().statusCode(204);
            return given().header("X-Vault-Token", vault.rootToken()).contentType("application/json")
                    .body(Map.of("policies", List.of("envplane"), "no_parent", true, "ttl", "24h"))
                    .post(vault.url() + "/v1/auth/token/create").then().statusCode(200)
                    .extract().path("auth.client_token");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + POLICY, e);
        }
    }
}
