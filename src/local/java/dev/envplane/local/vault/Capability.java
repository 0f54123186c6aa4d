package dev.envplane.local.vault;

import java.util.Locale;

/** The capabilities a Vault ACL policy grants on a path. */
enum Capability {
    CREATE, READ, UPDATE, PATCH, DELETE, LIST, SUDO, DENY,
    /** Accepted so policies written for newer Vault versions parse; nothing here needs them. */
    SUBSCRIBE, RECOVER;

    static Capability parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolicyParseException("invalid capability \"" + name + "\"");
        }
    }

    String vaultName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
