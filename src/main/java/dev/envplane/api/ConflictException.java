package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** The request clashes with existing state (a unique name, the single production environment, ...). */
@ErrorCode("CONFLICT")
public class ConflictException extends ApiException {

    public ConflictException(String field, String message) {
        super(message, field);
    }
}
