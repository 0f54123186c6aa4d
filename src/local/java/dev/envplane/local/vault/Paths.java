package dev.envplane.local.vault;

/** Small helpers for Vault's slash-separated logical paths. */
final class Paths {

    private Paths() {
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
