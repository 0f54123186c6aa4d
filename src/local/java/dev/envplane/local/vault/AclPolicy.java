package dev.envplane.local.vault;

import java.util.List;

/** A named ACL policy: its rules and the text it was written as. */
record AclPolicy(String name, String text, List<Rule> rules) {

    /**
     * One {@code path "pattern" { ... }} block.
     *
     * @param pattern     the path as written, without a leading slash
     * @param permissions its capabilities and constraints
     */
    record Rule(String pattern, Permissions permissions) {
    }

    AclPolicy {
        rules = List.copyOf(rules);
    }
}
