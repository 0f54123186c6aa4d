package dev.envplane.local;

import java.io.File;
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
 * PostgreSQL's own log goes to a file, not to the log of the JVM that started it.
 */
public final class LocalDatabase implements AutoCloseable {

    public static final String DATABASE = "envplane";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * A throwaway database on a free port, deleted on close (tests). zonky's test settings stay: no fsync and
     * asynchronous commit, fast and fine for data nobody keeps.
     */
    public static LocalDatabase startTemporary(Path serverLog) {
        return start(builder(serverLog), null);
    }

    /**
     * The local default's database: data in {@code dataDirectory} survives restarts, and every acknowledged commit
     * is on disk (fsync and synchronous commit on; zonky turns both off). A server orphaned by a killed JVM
     * (PostgreSQL runs detached) is stopped first. {@code port} 0 picks a free one.
     */
    public static LocalDatabase startDurable(int port, Path dataDirectory, Path serverLog) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare " + dataDirectory, e);
        }
        EmbeddedPostgres.Builder builder = builder(serverLog)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return start(builder, dataDirectory);
    }

    private static EmbeddedPostgres.Builder builder(Path serverLog) {
        try {
            Files.createDirectories(serverLog.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Could not create the directory of " + serverLog, e);
        }
        File log = serverLog.toFile();
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // per-statement counts, read by the tests (testing.SqlStatements) and bench/
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log));
    }

    private static LocalDatabase start(EmbeddedPostgres.Builder builder, Path dataDirectory) {
        try {
            LocalDatabase database = new LocalDatabase(builder.start(), dataDirectory);
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

    /** The postmaster, while it runs from a data directory of ours (tests kill it to prove durability). */
    public Optional<ProcessHandle> postmaster() {
        try {
            return dataDirectory == null ? Optional.empty() : postmasterOf(dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    private static Optional<ProcessHandle> postmasterOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    private static void stopOrphan(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = postmasterOf(dataDirectory);
        if (orphan.isPresent()) {
            System.out.println("Stopping a PostgreSQL left running by an earlier run (pid " + orphan.get().pid() + ")");
            orphan.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
            orphan.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }
}
