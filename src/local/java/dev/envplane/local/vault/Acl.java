package dev.envplane.local.vault;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merged policies of one token, answering which capabilities it holds on a path with Vault's rules:
 * an exact rule wins; otherwise, among matching glob ({@code *} at the end) and segment-wildcard
 * ({@code +}) rules, the highest priority one wins. Rules with the same pattern from several policies are
 * merged, and a {@code deny} in any of them leaves only deny.
 */
final class Acl {

    private final boolean root;
    private final Map<String, Set<Capability>> exactRules = new HashMap<>();
    private final Map<String, Set<Capability>> wildcardRules = new HashMap<>();

    private Acl(boolean root) {
        this.root = root;
    }

    static Acl of(Collection<AclPolicy> policies) {
        Acl acl = new Acl(policies.stream().anyMatch(p -> p.name().equals(PolicyStore.ROOT)));
        for (AclPolicy policy : policies) {
            for (AclPolicy.Rule rule : policy.rules()) {
                boolean wildcard = rule.pattern().endsWith("*") || isSegmentWildcard(rule.pattern());
                Map<String, Set<Capability>> target = wildcard ? acl.wildcardRules : acl.exactRules;
                target.merge(rule.pattern(), EnumSet.copyOf(withNone(rule.capabilities())), Acl::mergeCapabilities);
            }
        }
        acl.exactRules.replaceAll((pattern, caps) -> denyWins(caps));
        acl.wildcardRules.replaceAll((pattern, caps) -> denyWins(caps));
        return acl;
    }

    boolean isRoot() {
        return root;
    }

    boolean allows(String path, Capability capability) {
        Set<Capability> capabilities = capabilities(path);
        return !capabilities.contains(Capability.DENY) && capabilities.contains(capability);
    }

    /** The capabilities on {@code path}; empty when no rule matches. */
    Set<Capability> capabilities(String path) {
        if (root) {
            return EnumSet.complementOf(EnumSet.of(Capability.DENY));
        }
        Set<Capability> exact = exactRules.get(path);
        if (exact == null && path.endsWith("/")) {
            // LIST paths carry a trailing slash; Vault also tries the exact rule without it.
            exact = exactRules.get(path.substring(0, path.length() - 1));
        }
        if (exact != null) {
            return exact;
        }
        return wildcardRules.entrySet().stream()
                .map(rule -> WildcardMatch.of(rule.getKey(), path).map(match -> Map.entry(match, rule.getValue())))
                .flatMap(Optional::stream)
                .max(Map.Entry.comparingByKey(WildcardMatch.PRIORITY))
                .map(Map.Entry::getValue)
                .orElse(EnumSet.noneOf(Capability.class));
    }

    private static boolean isSegmentWildcard(String pattern) {
        for (String segment : pattern.split("/", -1)) {
            if (segment.equals("+")) {
                return true;
            }
        }
        return false;
    }

    private static Set<Capability> withNone(Set<Capability> capabilities) {
        return capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : capabilities;
    }

    private static Set<Capability> mergeCapabilities(Set<Capability> a, Set<Capability> b) {
        Set<Capability> merged = EnumSet.noneOf(Capability.class);
        merged.addAll(a);
        merged.addAll(b);
        return merged;
    }

    private static Set<Capability> denyWins(Set<Capability> capabilities) {
        return capabilities.contains(Capability.DENY) ? EnumSet.of(Capability.DENY) : capabilities;
    }

    /** A wildcard rule matching a path, with the facts Vault's priority ordering looks at. */
    private record WildcardMatch(String pattern, int firstWildcard, boolean glob, int wildcardSegments) {

        /**
         * Vault's ordering, lowest first: the first {@code +} or {@code *} occurring earlier; ending in
         * {@code *}; more {@code +} segments; a shorter pattern; a lexicographically smaller pattern.
         */
        static final Comparator<WildcardMatch> PRIORITY = Comparator
                .comparingInt(WildcardMatch::firstWildcard)
                .thenComparing(WildcardMatch::glob, Comparator.reverseOrder())
                .thenComparing(WildcardMatch::wildcardSegments, Comparator.reverseOrder())
                .thenComparingInt(match -> match.pattern().length())
                .thenComparing(WildcardMatch::pattern);

        static Optional<WildcardMatch> of(String fullPattern, String path) {
            boolean glob = fullPattern.endsWith("*");
            String pattern = glob ? fullPattern.substring(0, fullPattern.length() - 1) : fullPattern;
            int plus = pattern.indexOf('+');
            String[] patternParts = pattern.split("/", -1);
            String[] pathParts = path.split("/", -1);
            if (pathParts.length < patternParts.length || (!glob && pathParts.length != patternParts.length)) {
                return Optional.empty();
            }
            int wildcardSegments = 0;
            boolean hasPlus = false;
            for (int i = 0; i < patternParts.length; i++) {
                String part = patternParts[i];
                boolean last = i == patternParts.length - 1;
                if (part.equals("+")) {
                    wildcardSegments++;
                    hasPlus = true;
                } else if (part.equals(pathParts[i])) {
                    continue;
                } else if (glob && last && pathParts[i].startsWith(part)) {
                    continue;
                } else {
                    return Optional.empty();
                }
            }
            if (!hasPlus && !path.startsWith(pattern)) {
                return Optional.empty();
            }
            // A pure glob ranks by where its * sits (the prefix length); a + pattern by its first +.
            int firstWildcard = hasPlus ? plus : pattern.length();
            return Optional.of(new WildcardMatch(pattern, firstWildcard, glob, wildcardSegments));
        }
    }
}
