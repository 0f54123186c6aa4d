package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** Someone else changed the record since the caller read it: re-read and retry. */
@ErrorCode("STALE_VERSION")
public class StaleVersionException extends ApiException {

    public StaleVersionException(String message) {
        super(message, "expectedVersion");
    }
}
