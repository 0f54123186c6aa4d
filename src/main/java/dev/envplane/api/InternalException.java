package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** Anything unexpected. The details stay in the log under the reference given to the caller. */
@ErrorCode("INTERNAL")
public class InternalException extends ApiException {

    public InternalException(String reference) {
        super("Internal error (reference " + reference + ")", null);
    }
}
