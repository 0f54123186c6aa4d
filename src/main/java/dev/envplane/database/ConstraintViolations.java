package dev.envplane.database;

import java.util.Optional;

import io.vertx.pgclient.PgException;

/** Reads which constraint PostgreSQL refused, whatever layer wrapped the error. */
public final class ConstraintViolations {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private ConstraintViolations() {
    }

    public static Optional<String> uniqueViolated(Throwable failure) {
        return violated(failure, UNIQUE_VIOLATION);
    }

    public static Optional<String> foreignKeyViolated(Throwable failure) {
        return violated(failure, FOREIGN_KEY_VIOLATION);
    }

    /** Any integrity constraint (class 23: unique, foreign key, check, not null). */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        return uniqueViolated(failure).filter(constraint::equals).isPresent();
    }

    private static Optional<String> violated(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return Optional.ofNullable(pg.getConstraint());
            }
        }
        return Optional.empty();
    }
}
