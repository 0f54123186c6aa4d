package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merged policies of one token, looked up as Vault's ACL does (vault/acl.go): an exact rule wins; for
 * LIST an exact rule without the trailing slash comes next; otherwise the longest matching prefix rule
 * ({@code *} at the end) competes with the matching segment-wildcard rules ({@code +}) and the highest
 * priority one wins. Rules for the same pattern in several policies are merged; deny in any leaves deny.
 */
final class Acl {

    private final boolean root;
    private final Map<String, Permissions> exactRules = new HashMap<>();
    /** Pure prefix rules, keyed by the prefix (the pattern without its trailing {@code *}). */
    private final Map<String, Permissions> prefixRules = new HashMap<>();
    /** Rules with a {@code +} segment, keyed by the full pattern (with its {@code *}, if any). */
    private final Map<String, Permissions> segmentWildcardRules = new HashMap<>();

    private Acl(boolean root) {
        this.root = root;
    }

    static Acl of(Collection<AclPolicy> policies) {
        Acl acl = new Acl(policies.stream().anyMatch(p -> p.name().equals(PolicyStore.ROOT)));
        for (AclPolicy policy : policies) {
            for (AclPolicy.Rule rule : policy.rules()) {
                String pattern = rule.pattern();
                Map<String, Permissions> target;
                String key = pattern;
                if (hasSegmentWildcards(pattern)) {
                    target = acl.segmentWildcardRules;
                } else if (pattern.endsWith("*")) {
                    target = acl.prefixRules;
                    key = pattern.substring(0, pattern.length() - 1);
                } else {
                    target = acl.exactRules;
                }
                Permissions existing = target.get(key);
                if (existing == null) {
                    target.put(key, rule.permissions().copy());
                } else {
                    existing.merge(rule.permissions());
                }
            }
        }
        return acl;
    }

    boolean isRoot() {
        return root;
    }

    /**
     * Whether the request may use {@code capability} on {@code path}; {@code list} marks a LIST request,
     * whose path ends in a slash and which Vault also matches without it.
     */
    boolean allows(String path, Capability capability, Map<String, JsonNode> data, Long wrapTtl) {
        if (root) {
            return true;
        }
        return permissions(path, capability == Capability.LIST)
                .map(permissions -> permissions.allows(capability, data, wrapTtl))
                .orElse(false);
    }

    /** Whether the rule for {@code path} grants {@code capability} at all (Vault's sudo check, "root privileges"). */
    boolean grants(String path, Capability capability) {
        return root || permissions(path, false).map(p -> !p.isDeny() && p.capabilities().contains(capability))
                .orElse(false);
    }

    /** The capabilities on {@code path} as sys/capabilities-self reports them (Vault looks up as a LIST). */
    Set<Capability> capabilities(String path) {
        if (root) {
            return EnumSet.complementOf(EnumSet.of(Capability.DENY));
        }
        return permissions(path, true).map(Permissions::capabilities).orElse(EnumSet.noneOf(Capability.class));
    }

    Optional<Permissions> permissions(String path, boolean list) {
        Permissions exact = exactRules.get(path);
        if (exact == null && list) {
            exact = exactRules.get(withoutTrailingSlash(path));
        }
        if (exact != null) {
            return Optional.of(exact);
        }
        if (list && path.endsWith("/")) {
            Optional<Permissions> withoutSlash = nonExact(withoutTrailingSlash(path));
            if (withoutSlash.isPresent()) {
                return withoutSlash;
            }
        }
        return nonExact(path);
    }

    private Optional<Permissions> nonExact(String path) {
        Optional<Match> longestPrefix = prefixRules.entrySet().stream()
                .filter(rule -> path.startsWith(rule.getKey()))
                .max(Comparator.comparingInt(rule -> rule.getKey().length()))
                .map(rule -> new Match(rule.getKey().length(), true, 0, rule.getKey(), rule.getValue()));
        Optional<Match> best = segmentWildcardRules.entrySet().stream()
                .map(rule -> Match.segmentWildcard(rule.getKey(), rule.getValue(), path))
                .flatMap(Optional::stream)
                .max(Match.PRIORITY);
        if (longestPrefix.isEmpty()) {
            return best.map(Match::permissions);
        }
        if (best.isEmpty()) {
            return longestPrefix.map(Match::permissions);
        }
        return Optional.of(Match.PRIORITY.compare(longestPrefix.get(), best.get()) >= 0
                ? longestPrefix.get().permissions() : best.get().permissions());
    }

    /** Vault: a pattern has segment wildcards when it is "+", starts with "+/" or contains "/+". */
    static boolean hasSegmentWildcards(String pattern) {
        return pattern.equals("+") || pattern.startsWith("+/") || pattern.contains("/+");
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A matching non-exact rule, with what Vault's priority ordering compares. */
    private record Match(int firstWildcard, boolean prefix, int wildcards, String pattern, Permissions permissions) {

        /**
         * Lowest first, as Vault sorts: the first {@code +} or {@code *} earlier; ending in {@code *}; more
         * {@code +} segments; a shorter pattern; a lexicographically smaller one.
         */
        static final Comparator<Match> PRIORITY = Comparator
                .comparingInt(Match::firstWildcard)
                .thenComparing(Match::prefix, Comparator.reverseOrder())
                .thenComparing(Match::wildcards, Comparator.reverseOrder())
                .thenComparingInt(match -> match.pattern().length())
                .thenComparing(Match::pattern);

        static Optional<Match> segmentWildcard(String fullPattern, Permissions permissions, String path) {
            boolean prefix = fullPattern.endsWith("*");
            String pattern = prefix ? fullPattern.substring(0, fullPattern.length() - 1) : fullPattern;
            String[] patternParts = pattern.split("/", -1);
            String[] pathParts = path.split("/", -1);
            if (pathParts.length < patternParts.length || (!prefix && pathParts.length != patternParts.length)) {
                return Optional.empty();
            }
            int wildcards = 0;
            for (int i = 0; i < patternParts.length; i++) {
                String part = patternParts[i];
                if (part.equals("+")) {
                    wildcards++;
                } else if (!part.equals(pathParts[i])
                        && !(prefix && i == patternParts.length - 1 && pathParts[i].startsWith(part))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Match(fullPattern.indexOf('+'), prefix, wildcards, pattern, permissions));
        }
    }
}
