package dev.envplane.testing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Holds an exclusive lock on one table of the application's database, so that a request reading it waits in
 * PostgreSQL until {@link #close()}: a request made slow on purpose, without a sleep anywhere.
 */
public final class TableLock implements AutoCloseable {

    private final Connection connection;

    private TableLock(Connection connection) {
        this.connection = connection;
    }

    public static TableLock on(String table) {
        try {
            Connection connection = LocalServicesResource.database().connect();
            connection.setAutoCommit(false);
            connection.createStatement().execute("lock table \"" + table + "\" in access exclusive mode");
            return new TableLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock " + table, e);
        }
    }

    /** How many of the application's statements are waiting for a lock right now. */
    public static long waiting() {
        return Database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and usename = ?",
                LocalServicesResource.RUNTIME_LOGIN);
    }

    /** Releases the lock; a second call does nothing. */
    @Override
    public void close() {
        try (connection) {
            if (connection.isClosed()) {
                return;
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
