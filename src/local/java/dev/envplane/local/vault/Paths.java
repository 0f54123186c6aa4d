package dev.envplane.local.vault;

import java.util.ArrayDeque;

/** Small helpers for Vault's slash-separated logical paths. */
final class Paths {

    private Paths() {
    }

    /**
     * The canonical form of a request path, as Go's http.ServeMux (in front of every Vault route) computes
     * it: doubled slashes collapsed, {@code .} dropped, {@code ..} removing the segment before it (never above
     * the root), and a trailing slash kept when the request had one. Vault redirects any other spelling to
     * this one, so only canonical paths ever reach the ACL and storage.
     */
    static String canonical(String requestPath) {
        String path = requestPath.isEmpty() || requestPath.charAt(0) != '/' ? "/" + requestPath : requestPath;
        ArrayDeque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        String cleaned = "/" + String.join("/", segments);
        // Go keeps the slash only where the request ended in one: "a/." and "a/.." clean to no slash.
        return path.endsWith("/") && !cleaned.equals("/") ? cleaned + "/" : cleaned;
    }

    /** Vault (go-cleanhttp's PrintablePathCheckHandler) refuses a path with any non-printable character. */
    static boolean isPrintable(String path) {
        return path.codePoints().allMatch(Paths::isPrintable);
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** Vault appends a slash to every LIST path, so "a" and "a/" list the same folder. */
    static String asFolder(String path) {
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }

    /** The remainder of {@code path} below {@code mount}, or null when the path is not inside the mount. */
    static String below(String path, String mount) {
        if (path.equals(mount)) {
            return "";
        }
        return path.startsWith(mount + "/") ? path.substring(mount.length() + 1) : null;
    }
}
