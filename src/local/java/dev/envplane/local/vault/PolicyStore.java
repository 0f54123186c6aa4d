package dev.envplane.local.vault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Named ACL policies, with the built-in "root" (everything) and "default" policies. */
final class PolicyStore {

    static final String ROOT = "root";
    static final String DEFAULT = "default";

    /** The self-service part of Vault's built-in default policy. */
    static final String DEFAULT_POLICY_TEXT = """
            # Allow tokens to look up their own properties
            path "auth/token/lookup-self" {
                capabilities = ["read"]
            }

            # Allow tokens to renew themselves
            path "auth/token/renew-self" {
                capabilities = ["update"]
            }

            # Allow tokens to revoke themselves
            path "auth/token/revoke-self" {
                capabilities = ["update"]
            }

            # Allow a token to look up its own capabilities on a path
            path "sys/capabilities-self" {
                capabilities = ["update"]
            }

            # Allow a token to renew a lease via lease_id in the request body
            path "sys/renew" {
                capabilities = ["update"]
            }
            path "sys/leases/renew" {
                capabilities = ["update"]
            }

            # Allow looking up lease properties
            path "sys/leases/lookup" {
                capabilities = ["update"]
            }

            # Allow a token to wrap arbitrary values in a response-wrapping token
            path "sys/wrapping/wrap" {
                capabilities = ["update"]
            }

            # Allow a token to look up the creation time and TTL of a given response-wrapping token
            path "sys/wrapping/lookup" {
                capabilities = ["update"]
            }

            # Allow a token to unwrap a response-wrapping token
            path "sys/wrapping/unwrap" {
                capabilities = ["update"]
            }

            # Allow general purpose tools
            path "sys/tools/hash" {
                capabilities = ["update"]
            }
            path "sys/tools/hash/*" {
                capabilities = ["update"]
            }
            """;

    /** Persisted texts by name; "root" is never stored, "default" is seeded. */
    private final Map<String, String> texts;
    private final Map<String, AclPolicy> parsed = new ConcurrentHashMap<>();

    PolicyStore(Map<String, String> texts) {
        this.texts = texts;
        texts.putIfAbsent(DEFAULT, DEFAULT_POLICY_TEXT);
    }

    static String normalizeName(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    Optional<String> text(String name) {
        if (name.equals(ROOT)) {
            return Optional.of("");
        }
        return Optional.ofNullable(texts.get(name));
    }

    boolean exists(String name) {
        return name.equals(ROOT) || texts.containsKey(name);
    }

    List<String> names() {
        TreeSet<String> names = new TreeSet<>(texts.keySet());
        names.add(ROOT);
        return new ArrayList<>(names);
    }

    /** Parses first, so a broken policy is refused and never stored. */
    void put(String name, String text) {
        if (name.equals(ROOT)) {
            throw VaultException.badRequest("cannot update \"root\" policy");
        }
        if (name.isEmpty()) {
            throw VaultException.badRequest("policy name must be provided");
        }
        AclPolicy policy;
        try {
            policy = PolicyParser.parse(name, text);
        } catch (PolicyParseException e) {
            throw VaultException.badRequest("failed to parse policy: " + e.getMessage());
        }
        texts.put(name, text);
        parsed.put(name, policy);
    }

    void delete(String name) {
        if (name.equals(ROOT) || name.equals(DEFAULT)) {
            throw VaultException.badRequest("cannot delete \"" + name + "\" policy");
        }
        texts.remove(name);
        parsed.remove(name);
    }

    /** The ACL for a token's policies; names without a stored policy grant nothing, as in Vault. */
    Acl aclFor(Collection<String> policyNames) {
        List<AclPolicy> policies = new ArrayList<>();
        for (String name : policyNames) {
            if (name.equals(ROOT)) {
                policies.add(new AclPolicy(ROOT, "", List.of()));
                continue;
            }
            String text = texts.get(name);
            if (text != null) {
                policies.add(parsed.computeIfAbsent(name, n -> PolicyParser.parse(n, text)));
            }
        }
        return Acl.of(policies);
    }
}
