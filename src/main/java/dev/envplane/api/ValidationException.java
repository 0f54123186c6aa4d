package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** The input breaks a rule; nothing was written. */
@ErrorCode("VALIDATION")
public class ValidationException extends ApiException {

    public ValidationException(String field, String message) {
        super(message, field);
    }
}
