package dev.envplane.adapter;

import dev.envplane.secrets.Secret;

/** What a credentials change will do to the secrets, for an adapter's own {@link CredentialsRule}. */
public interface SecretPlan {

    /** The value given in this change, or null. */
    Secret given(String key);

    /** Whether the secret will be set after the change (given now, or stored and neither cleared nor dropped). */
    boolean willHave(String key);

    /** Removes a stored secret the credentials no longer use. */
    void drop(String key);
}
