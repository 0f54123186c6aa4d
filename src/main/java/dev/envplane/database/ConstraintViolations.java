package dev.envplane.database;

import java.sql.SQLException;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;

/** Reads which constraint PostgreSQL refused, whatever layer wrapped the error. */
public final class ConstraintViolations {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String INTEGRITY_CLASS = "23";

    private ConstraintViolations() {
    }

    public static Optional<String> uniqueViolated(Throwable failure) {
        return violated(failure, UNIQUE_VIOLATION);
    }

    public static Optional<String> foreignKeyViolated(Throwable failure) {
        return violated(failure, FOREIGN_KEY_VIOLATION);
    }

    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        return uniqueViolated(failure).filter(constraint::equals).isPresent();
    }

    /** Any integrity constraint (SQL state class 23: unique, foreign key, check, not null). */
    public static boolean isConstraintViolation(Throwable failure) {
        return sqlState(failure).filter(state -> state.startsWith(INTEGRITY_CLASS)).isPresent();
    }

    private static Optional<String> violated(Throwable failure, String state) {
        if (!sqlState(failure).filter(state::equals).isPresent()) {
            return Optional.empty();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException hibernate && hibernate.getConstraintName() != null) {
                return Optional.of(hibernate.getConstraintName());
            }
        }
        return Optional.of("");
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
