package dev.envplane.adapter;

/** A rule across an adapter's credential fields that single-field descriptors cannot say (Snowflake key pairs). */
@FunctionalInterface
public interface CredentialsRule {

    void check(String block, SecretPlan secrets);

    CredentialsRule NONE = (block, secrets) -> {
    };
}
