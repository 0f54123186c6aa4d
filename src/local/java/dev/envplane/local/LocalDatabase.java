package dev.envplane.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from zonky's binaries (a Maven Central jar), for tests and the local default only.
 * It listens on 127.0.0.1 and holds one database, {@value #DATABASE}, owned by the superuser {@value #USER}.
 */
public final class LocalDatabase implements AutoCloseable {

    public static final String DATABASE = "envplane";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throwaway database on a free port, deleted on close (tests). */
    public static LocalDatabase startTemporary() {
        return start(0, null);
    }

    /**
     * Starts on {@code port} (0: any free port). With a data directory, data survives restarts, and a server
     * orphaned by a killed JVM (PostgreSQL runs detached) is stopped first.
     */
    public static LocalDatabase start(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // per-statement counts, read by the tests (testing.SqlStatements) and bench/
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                stopOrphan(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            LocalDatabase database = new LocalDatabase(builder.start());
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A JDBC connection for tests that inspect what was stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                admin.createStatement().execute("create database " + DATABASE);
            }
        }
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (orphan.isPresent() && orphan.get().isAlive()) {
            System.out.println("Stopping a PostgreSQL left running by an earlier run (pid " + orphan.get().pid() + ")");
            orphan.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
            orphan.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }
}
