package dev.envplane.validation;

import dev.envplane.api.ValidationException;

/** Small checks shared by every input; each names the field it concerns. */
public final class Fields {

    private Fields() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required");
        }
        return value;
    }

    /** Trims, then checks the length; null stays null (for optional fields). */
    public static String trimmed(String field, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() < min || trimmed.length() > max) {
            throw new ValidationException(field,
                    min > 0 ? field + " must be " + min + " to " + max + " characters" : field + " must be at most " + max + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, field + " must not contain control characters");
        }
        return trimmed;
    }

    public static String requiredTrimmed(String field, String value, int min, int max) {
        return trimmed(field, required(field, value), min, max);
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
