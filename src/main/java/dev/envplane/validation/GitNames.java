package dev.envplane.validation;

import java.util.List;
import java.util.regex.Pattern;

import dev.envplane.api.ValidationException;

/** Branch names by git's check-ref-format rules (as for {@code refs/heads/<name>}), and clonable repository URLs. */
public final class GitNames {

    private static final int MAX_BRANCH_LENGTH = 255;
    private static final int MAX_SUBDIRECTORY_LENGTH = 255;
    private static final Pattern SUBDIRECTORY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern FORBIDDEN_BRANCH_CHARS = Pattern.compile("[\\x00-\\x20\\x7f~^:?*\\[\\\\]");
    private static final Pattern HTTPS_URL = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+-]+)+/?");
    private static final Pattern SSH_URL = Pattern.compile("ssh://([A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+-]+)+/?");
    private static final Pattern SCP_LIKE_URL = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._~%+-][A-Za-z0-9._~%+/-]*");

    private GitNames() {
    }

    public static String branch(String field, String name) {
        String problem = branchProblem(name);
        if (problem != null) {
            throw new ValidationException(field, field + " is not a valid git branch name: " + problem);
        }
        return name;
    }

    static String branchProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_BRANCH_LENGTH) {
            return "it must be 1 to " + MAX_BRANCH_LENGTH + " characters";
        }
        if (FORBIDDEN_BRANCH_CHARS.matcher(name).find()) {
            return "it must not contain spaces, control characters or any of ~ ^ : ? * [ \\";
        }
        if (name.startsWith("-")) {
            return "it must not start with '-'";
        }
        if (name.equals("@") || name.contains("@{")) {
            return "it must not be '@' or contain '@{'";
        }
        if (name.contains("..")) {
            return "it must not contain '..'";
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return "it must not start or end with '/' or contain '//'";
        }
        if (name.endsWith(".")) {
            return "it must not end with '.'";
        }
        for (String component : name.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return "no part between slashes may start with '.' or end with '.lock'";
            }
        }
        return null;
    }

    /**
     * A directory inside the repository, relative to its root: segments of letters, digits, dots, underscores and
     * hyphens, no "." or ".." segment, no leading or trailing slash. Null stays null; empty means the root.
     */
    public static String subdirectory(String field, String path) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        if (path.length() > MAX_SUBDIRECTORY_LENGTH || !SUBDIRECTORY.matcher(path).matches()
                || List.of(path.split("/")).stream().anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            throw new ValidationException(field, field + " must be a relative path inside the repository (such as transform/analytics): "
                    + "at most " + MAX_SUBDIRECTORY_LENGTH + " characters, letters, digits, '.', '_', '-' and '/', no leading or "
                    + "trailing '/', no '.' or '..' segments");
        }
        return path;
    }

    public static String repositoryUrl(String field, String url) {
        if (HTTPS_URL.matcher(url).matches() || SSH_URL.matcher(url).matches() || SCP_LIKE_URL.matcher(url).matches()) {
            return url;
        }
        throw new ValidationException(field,
                field + " must be a git URL in https form (https://host/org/repo.git) or ssh form (git@host:org/repo.git or ssh://git@host/org/repo.git)");
    }
}
