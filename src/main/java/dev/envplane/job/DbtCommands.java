package dev.envplane.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.envplane.api.ValidationException;

/**
 * A job step is one dbt command. It is tokenised as a POSIX shell would split words (single quotes, double quotes,
 * backslash escapes), never run through a shell and never matched with a pattern: the first word must be {@code dbt},
 * then a dbt sub-command (two words for {@code source freshness} and {@code docs generate}); every further word is
 * kept as given, flags included. The stored form joins the words with single spaces, quoting where needed.
 */
final class DbtCommands {

    /** dbt-core's sub-commands a job may run (interactive or local-only ones such as debug, init, docs serve are not). */
    static final Set<String> SUB_COMMANDS = Set.of("build", "run", "test", "seed", "snapshot", "compile", "ls", "list", "parse",
            "deps", "run-operation", "show", "clone", "retry", "clean");
    static final Set<String> TWO_WORD_COMMANDS = Set.of("source freshness", "docs generate");
    static final int MAX_LENGTH = 1000;

    private DbtCommands() {
    }

    /** The command in its stored form; refuses with a VALIDATION on {@code field}. */
    static String parse(String field, String command) {
        if (command == null || command.isBlank()) {
            throw new ValidationException(field, field + " must be a dbt command, e.g. \"dbt build\"");
        }
        if (command.length() > MAX_LENGTH) {
            throw new ValidationException(field, field + " must be at most " + MAX_LENGTH + " characters");
        }
        List<String> words = tokenise(field, command);
        if (!words.get(0).equals("dbt")) {
            throw new ValidationException(field, field + " must start with \"dbt\"");
        }
        if (words.size() < 2) {
            throw new ValidationException(field, field + " names no dbt sub-command; one of " + known());
        }
        String sub = words.get(1);
        if (words.size() >= 3 && TWO_WORD_COMMANDS.contains(sub + " " + words.get(2))) {
            // fine: source freshness, docs generate
        } else if (!SUB_COMMANDS.contains(sub)) {
            throw new ValidationException(field, field + " names an unknown or unsupported dbt sub-command; one of " + known());
        }
        List<String> quoted = new ArrayList<>(words.size());
        words.forEach(word -> quoted.add(quote(word)));
        return String.join(" ", quoted);
    }

    private static String known() {
        List<String> all = new ArrayList<>(SUB_COMMANDS);
        all.addAll(TWO_WORD_COMMANDS);
        all.sort(null);
        return String.join(", ", all);
    }

    /** Shell-like word splitting, without expansions: quotes group, a backslash escapes outside single quotes. */
    static List<String> tokenise(String field, String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (Character.isISOControl(c) && !(quote == 0 && (c == '\t'))) {
                throw new ValidationException(field, field + " must be one line without control characters");
            }
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\') {
                if (i + 1 == command.length()) {
                    throw new ValidationException(field, field + " ends with a lone backslash");
                }
                word.append(command.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new ValidationException(field, field + " has an unclosed " + (quote == '"' ? "double" : "single") + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** A word as a shell reads it back: bare when it only has safe characters, else in single quotes. */
    private static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_=.,:/+@%".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
