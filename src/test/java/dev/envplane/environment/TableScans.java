package dev.envplane.environment;

import dev.envplane.testing.Database;

/**
 * Counts scans of the environment table from PostgreSQL's statistics, to catch one-query-per-row (N+1) resolvers.
 * PostgreSQL 15+ flushes an idle backend's pending statistics within 10 seconds (PGSTAT_IDLE_INTERVAL), so each
 * reading first waits that out; the count itself is exact, not timing-dependent.
 */
final class TableScans {

    private static final long FLUSH_WAIT_MILLIS = 11_000;

    private TableScans() {
    }

    static long environment() {
        try {
            Thread.sleep(FLUSH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Database.count("select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables where relname = 'environment'");
    }

    static long environmentAfter(long before) {
        return environment() - before;
    }
}
