package dev.envplane.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.envplane.local.LocalDatabase;

/**
 * Counts the SQL statements the application sends to its database, from {@code pg_stat_statements} (preloaded by
 * {@link LocalDatabase}). Exact and immediate: PostgreSQL records a statement when it completes, before the
 * application gets its answer, so no waiting is needed (unlike the table statistics, flushed every 10 s).
 *
 * <p>It works from the {@code postgres} maintenance database: the view covers the whole server, and keeping only the
 * application database's statements leaves out this helper's own (reset, read). Left out too: the secret outbox
 * worker, which runs on a timer beside the requests (its statements all name {@code secret_outbox}), and so
 * transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}), which reads do not use. Nothing else may
 * use the database meanwhile.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** How many statements the application ran while {@code action} ran (see above for what is left out). */
    public static long during(Runnable action) {
        try (Connection maintenance = connect()) {
            maintenance.createStatement().execute("create extension if not exists pg_stat_statements");
            maintenance.createStatement().execute("select pg_stat_statements_reset()");
            action.run();
            ResultSet total = maintenance.createStatement().executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements "
                    + "where dbid = (select oid from pg_database where datname = '" + LocalDatabase.DATABASE + "') "
                    + "and query not like '%secret_outbox%' and query !~* '^\\s*(begin|start transaction|commit|rollback)\\M'");
            total.next();
            return total.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_statements", e);
        }
    }

    /** Forgets every statement counted so far (then see {@link #callsMatching}). */
    public static void reset() {
        try (Connection maintenance = connect()) {
            maintenance.createStatement().execute("create extension if not exists pg_stat_statements");
            maintenance.createStatement().execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset pg_stat_statements", e);
        }
    }

    /** How many completed statements of the application, since the last reset, match the regular expression. */
    public static long callsMatching(String regex) {
        try (Connection maintenance = connect();
                var statement = maintenance.prepareStatement("select coalesce(sum(calls), 0) from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = ?) and query ~* ?")) {
            statement.setString(1, LocalDatabase.DATABASE);
            statement.setString(2, regex);
            ResultSet total = statement.executeQuery();
            total.next();
            return total.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_statements", e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + LocalServicesResource.database().port() + "/postgres",
                LocalDatabase.USER, LocalDatabase.PASSWORD);
    }
}
