package dev.envplane.credentials;

import org.eclipse.microprofile.graphql.Description;

/** The secret fields of credentials, by the name they have in Vault. */
@Description("A secret field of credentials, for clearSecrets.")
public enum CredentialSecret {
    PASSWORD("password"),
    PRIVATE_KEY("privateKey"),
    PRIVATE_KEY_PASSPHRASE("privateKeyPassphrase"),
    TOKEN("token");

    private final String key;

    CredentialSecret(String key) {
        this.key = key;
    }

    /** The field name in the input and the key in Vault. */
    public String key() {
        return key;
    }
}
