package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SnowflakeCredentialsInput")
@Description("authMethod defaults to PASSWORD. PASSWORD takes a password; KEY_PAIR a privateKey (and its passphrase if encrypted).")
public record SnowflakeCredentialsInput(AuthMethod authMethod, String username, String password,
        @Description("PEM-encoded PKCS#8 private key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)") String privateKey,
        @Description("Only for an encrypted private key") String privateKeyPassphrase, String schema, Integer threads) {
    @Override
    public String toString() {
        return "SnowflakeCredentialsInput[authMethod=" + authMethod + ", username=" + username + ", schema=" + schema + "]";
    }
}
