package dev.envplane.testing;

import java.util.Map;

import dev.envplane.local.LocalDatabase;
import dev.envplane.local.vault.VaultServer;
import dev.envplane.local.vault.VaultServerConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a throwaway PostgreSQL and Vault-compatible server on free 127.0.0.1 ports for the application under test
 * (in-process for @QuarkusTest, a child process for @QuarkusIntegrationTest) and stops them afterwards.
 */
public class LocalServicesResource implements QuarkusTestResourceLifecycleManager {

    private static LocalDatabase database;
    private static VaultServer vault;

    @Override
    public Map<String, String> start() {
        database = LocalDatabase.startTemporary();
        vault = VaultServer.start(VaultServerConfig.inMemory());
        return Map.of(
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", LocalDatabase.USER,
                "quarkus.datasource.password", LocalDatabase.PASSWORD,
                "quarkus.vault.url", vault.url(),
                "quarkus.vault.authentication.client-token", vault.rootToken());
    }

    @Override
    public void stop() {
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

    public static VaultServer vault() {
        return vault;
    }
}
