package dev.envplane.secrets;

import dev.envplane.api.ApiException;
import io.smallrye.graphql.api.ErrorCode;

/**
 * The database references a Vault version that Vault does not have (destroyed or deleted behind envplane's back).
 * Never papered over with "no values": a partial update would silently drop the other secrets.
 */
@ErrorCode("SECRET_STORE_INCONSISTENT")
public class SecretStoreInconsistentException extends ApiException {

    SecretStoreInconsistentException(String path, int version) {
        super("The secrets at " + path + " reference Vault version " + version + ", which Vault does not have. Set every "
                + "secret again, or ask an administrator to run secretReconciliation", null);
    }
}
