package dev.envplane.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envplane.local.LocalDatabase;
import dev.envplane.local.LocalServices;
import dev.envplane.local.vault.VaultServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a throwaway PostgreSQL and Vault-compatible server on free 127.0.0.1 ports for the application under test
 * (in-process for @QuarkusTest, a child process for @QuarkusIntegrationTest) and stops them afterwards.
 *
 * <p>The application gets a Vault token bound to {@code deploy/vault/envplane-policy.hcl}, the policy operators
 * install, so every test also proves that policy grants what the service needs. It reaches Vault through a
 * {@link CuttableLink}, and logs at DEBUG to {@link #LOG_FILE}, so tests can prove where secrets did not go. It
 * runs as the database's runtime login, so every test also proves that migration V5 grants what the service needs.
 */
public class LocalServicesResource implements QuarkusTestResourceLifecycleManager {

    /** Where the application logs: Quarkus' integration-test launcher also reads this file (to learn the port). */
    public static final Path LOG_FILE = Path.of("target", "quarkus.log");

    /** PostgreSQL's own log (the test database's server messages), apart from the application's. */
    private static final Path POSTGRES_LOG = Path.of("target", "postgres.log");

    /** The login the application under test runs as (ENVPLANE_DB_RUNTIME_LOGIN's default): rows only. */
    public static final String RUNTIME_LOGIN = "envplane_runtime";
    public static final String RUNTIME_PASSWORD = "runtime-login";

    private static LocalServices services;
    private static LocalDatabase database;
    private static VaultServer vault;
    private static final Pattern MANAGEMENT_LISTENING = Pattern.compile("Management interface listening on (http://127\\.0\\.0\\.1:\\d+)");
    /** The newest management URL found in LOG_FILE, and how far the file was read for it. */
    private static String newestManagementUrl;
    private static long managementScannedTo;
    private static Object managementLogKey;
    private static CuttableLink vaultLink;

    @Override
    public Map<String, String> start() {
        services = LocalServices.startTemporary(POSTGRES_LOG);
        database = services.database();
        vault = services.vault();
        vaultLink = new CuttableLink(vault.port());
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        // As in production (deploy/): the application runs as the runtime login, which only reads and writes rows
        // (migration V5 grants them), and Flyway migrates at start as the login that owns the schema
        createRuntimeLogin(database);
        config.put("quarkus.datasource.username", RUNTIME_LOGIN);
        config.put("quarkus.datasource.password", RUNTIME_PASSWORD);
        config.put("quarkus.flyway.username", LocalDatabase.USER);
        config.put("quarkus.flyway.password", LocalDatabase.PASSWORD);
        config.put("quarkus.vault.url", "http://127.0.0.1:" + vaultLink.port());
        config.put("quarkus.vault.authentication.client-token", services.serviceToken());
        // Outbox retries and reconciliation on a test's time scale (defaults: 5s and 10m).
        config.put("envplane.secrets.outbox-interval", "1s");
        config.put("envplane.secrets.reconciliation-grace", "0s");
        // Low enough that QueryLimitsTest can go over it within the alias limit (default: 50)
        config.put("envplane.graphql.max-loads", "34");
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.level", "DEBUG");
        // One file for the whole run (a scan also reads rotated files, in case a run ever outgrows it)
        config.put("quarkus.log.file.rotation.max-file-size", "2G");
        for (String category : List.of("dev.envplane", "io.quarkus.vault", "io.smallrye.graphql", "org.hibernate.SQL",
                "org.hibernate.orm.jdbc.bind", "io.vertx.sqlclient", "io.quarkus.vertx.http")) {
            config.put("quarkus.log.category.\"" + category + "\".level", "DEBUG");
        }
        config.put("quarkus.log.console.level", "INFO");
        // No pause before each test application stops (GracefulDrainIT tests the delay)
        config.put("quarkus.shutdown.delay", "0s");
        // The packaged application of the *IT classes runs in the prod profile: keep both of its ports on
        // 127.0.0.1, and let the management server bind a port of its own choosing (port 0; its default, 9000, may
        // be taken by another build, and so may any port chosen here before the application binds it), read back
        // from the log by managementUrl.
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.management.host", "127.0.0.1");
        config.put("quarkus.management.port", "0");
        config.put("quarkus.management.test-port", "0");
        config.putAll(Tokens.verification());
        Tokens.sendAdminByDefault();
        return config;
    }

    /**
     * Lets {@link #RUNTIME_LOGIN} log in, before the application migrates: migration V5 then finds it and grants it
     * rows (where it does not exist, V5 creates a role without login in its place).
     */
    public static void createRuntimeLogin(LocalDatabase database) {
        try (Connection owner = database.connect(); Statement statement = owner.createStatement()) {
            boolean exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + RUNTIME_LOGIN + "'").next();
            statement.execute((exists ? "alter" : "create") + " role " + RUNTIME_LOGIN + " login password '" + RUNTIME_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the runtime login", e);
        }
    }

    /**
     * A URL on the application's management port (health, metrics), the same for @QuarkusTest and *IT: the port the
     * newest application announced in {@link #LOG_FILE} (each test application appends its start-up there).
     */
    public static synchronized String managementUrl(String path) {
        try (RandomAccessFile file = new RandomAccessFile(LOG_FILE.toFile(), "r")) {
            // each application start rotates the log (rotate-on-boot): a new file, read from its beginning
            Object fileKey = Files.readAttributes(LOG_FILE, BasicFileAttributes.class).fileKey();
            if (!fileKey.equals(managementLogKey) || file.length() < managementScannedTo) {
                managementLogKey = fileKey;
                managementScannedTo = 0;
            }
            file.seek(managementScannedTo);
            byte[] added = new byte[(int) (file.length() - managementScannedTo)];
            file.readFully(added);
            String lines = new String(added, StandardCharsets.UTF_8);
            // whole lines only: a line still being written is read again, complete, next time
            lines = lines.substring(0, lines.lastIndexOf('\n') + 1);
            managementScannedTo += lines.getBytes(StandardCharsets.UTF_8).length;
            Matcher listening = MANAGEMENT_LISTENING.matcher(lines);
            while (listening.find()) {
                newestManagementUrl = listening.group(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (newestManagementUrl == null) {
            throw new AssertionError("no management interface announced in " + LOG_FILE.toAbsolutePath());
        }
        return newestManagementUrl + path;
    }

    /**
     * A port free on 127.0.0.1 now, for a child process that says when the port was taken meanwhile (see
     * PackagedApplication's retry): a server a test starts in this JVM binds port 0 or keeps its socket instead.
     */
    public static int freePort() {
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
        if (services != null) {
            services.close();
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

    /**
     * Everything the application logged so far, rotated files first. Fails when there is no log at all: a scan of a
     * missing log would prove nothing (use {@link #capturedLogSince} to prove a test's own lines were captured).
     */
    public static String applicationLog() {
        try {
            StringBuilder log = new StringBuilder();
            for (int backup = 9; backup >= 1; backup--) {
                Path rotated = LOG_FILE.resolveSibling(LOG_FILE.getFileName() + "." + backup);
                if (Files.exists(rotated)) {
                    log.append(Files.readString(rotated));
                }
            }
            if (!Files.exists(LOG_FILE)) {
                throw new AssertionError("the application log " + LOG_FILE.toAbsolutePath() + " was not captured");
            }
            return log.append(Files.readString(LOG_FILE)).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the log ends now: pass it to {@link #capturedLogSince} after the work to scan. */
    public static int logMark() {
        return applicationLog().length();
    }

    /**
     * What the application logged after the mark, once it holds a DEBUG line: proof that the log of this test's own
     * work was captured at DEBUG, so that a scan of it for a secret can fail.
     */
    public static String capturedLogSince(int mark) {
        Eventually.until("the application's DEBUG lines for this test in " + LOG_FILE, () -> {
            String log = applicationLog();
            return log.length() > mark && log.substring(mark).contains("DEBUG");
        });
        return applicationLog().substring(mark);
    }
}
