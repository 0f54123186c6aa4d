package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Vault's duration parameters: integer seconds or Go duration strings ("1h", "30m", "1h30m", "90s"). */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    static long seconds(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return checkNotNegative(value.asLong());
        }
        return seconds(value.asText());
    }

    static long seconds(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return 0;
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(trimmed);
        }
        Matcher matcher = PART.matcher(trimmed);
        double total = 0;
        int position = 0;
        while (matcher.lookingAt()) {
            double amount = Double.parseDouble(matcher.group(1));
            total += switch (matcher.group(2)) {
                case "ms" -> amount / 1000;
                case "s" -> amount;
                case "m" -> amount * 60;
                case "h" -> amount * 3600;
                default -> amount * 86400;
            };
            position = matcher.end();
            matcher.region(position, trimmed.length());
        }
        if (position != trimmed.length()) {
            throw VaultException.badRequest("invalid duration \"" + text + "\"");
        }
        return (long) Math.ceil(total);
    }

    /** Formats like Go's time.Duration.String(), which is what Vault prints: "0s", "45s", "1h0m0s". */
    static String format(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h" + minutes + "m" + rest + "s";
        }
        if (minutes > 0) {
            return minutes + "m" + rest + "s";
        }
        return rest + "s";
    }

    private static long checkNotNegative(long seconds) {
        if (seconds < 0) {
            throw VaultException.badRequest("duration must not be negative");
        }
        return seconds;
    }
}
