package dev.envplane.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local default's database keeps what it acknowledged: PostgreSQL killed with SIGKILL (every process of it at
 * once, as a crash does) loses no committed row. Its WAL writer is held (SIGSTOP) while the rows are written, so
 * only commits that flush their own WAL survive: with zonky's test settings (asynchronous commit) every row is lost.
 */
class LocalDatabaseDurabilityTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesKill9() throws Exception {
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("postgres.log");
        LocalDatabase database = LocalDatabase.startDurable(0, data, log);
        try (Connection db = database.connect()) {
            assertEquals("on", show(db, "fsync"));
            assertEquals("on", show(db, "synchronous_commit"));
            db.createStatement().execute("create table acknowledged (n int primary key)");
            holdWalWriter(database);
            try (PreparedStatement insert = db.prepareStatement("insert into acknowledged values (?)")) {
                for (int n = 1; n <= ROWS; n++) { // autocommit: each row is its own acknowledged commit
                    insert.setInt(1, n);
                    insert.executeUpdate();
                }
            }
            crash(database);
        } catch (SQLException connectionLostByTheCrash) {
            // expected when closing the connection to the killed server
        } finally {
            closeQuietly(database);
        }

        try (LocalDatabase restarted = LocalDatabase.startDurable(0, data, log);
                Connection db = restarted.connect();
                ResultSet rows = db.createStatement().executeQuery("select count(*), max(n) from acknowledged")) {
            rows.next();
            assertEquals(ROWS, rows.getInt(1), "rows after the crash");
            assertEquals(ROWS, rows.getInt(2), "the last acknowledged row");
        }
    }

    /** SIGSTOP to the background process that would otherwise write asynchronous commits' WAL soon after. */
    private static void holdWalWriter(LocalDatabase database) throws Exception {
        ProcessHandle walWriter = database.postmaster().orElseThrow().children()
                .filter(child -> commandLine(child).contains("walwriter")).findFirst().orElseThrow();
        assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(walWriter.pid())).start().waitFor());
    }

    private static String commandLine(ProcessHandle process) {
        try { // PostgreSQL renames its processes ("postgres: walwriter"): /proc shows the new name, ProcessHandle.Info may not
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
        } catch (IOException gone) {
            return "";
        }
    }

    /** SIGKILL to the postmaster and every backend at the same moment. */
    private static void crash(LocalDatabase database) throws Exception {
        ProcessHandle postmaster = database.postmaster().orElseThrow();
        List<ProcessHandle> all = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        for (ProcessHandle process : all) {
            process.onExit().get(10, TimeUnit.SECONDS);
        }
        assertTrue(postmaster.isAlive() == false);
    }

    private static void closeQuietly(LocalDatabase database) {
        try {
            database.close();
        } catch (RuntimeException alreadyDead) {
            // pg_ctl stop finds no server: that was the point
        }
    }

    private static String show(Connection db, String setting) throws SQLException {
        try (ResultSet value = db.createStatement().executeQuery("show " + setting)) {
            value.next();
            return value.getString(1);
        }
    }
}
