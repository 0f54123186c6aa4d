package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** The secret store (Vault) could not be reached, is sealed or refused us; nothing was written. */
@ErrorCode("SECRET_STORE_UNAVAILABLE")
public class SecretStoreUnavailableException extends ApiException {

    public SecretStoreUnavailableException(String message) {
        super(message, null);
    }
}
