package dev.envplane.local.vault;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A named ACL policy: its rules and the text it was written as. */
record AclPolicy(String name, String text, List<Rule> rules) {

    /** One {@code path "pattern" { capabilities = [...] }} block. */
    record Rule(String pattern, Set<Capability> capabilities) {
        Rule {
            capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        }
    }

    AclPolicy {
        rules = List.copyOf(rules);
    }
}
