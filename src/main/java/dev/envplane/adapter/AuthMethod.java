package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;

@Description("How Snowflake credentials authenticate: PASSWORD, or KEY_PAIR with a PKCS#8 private key.")
public enum AuthMethod {
    PASSWORD,
    KEY_PAIR
}
