package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {

    public NotFoundException(String field, String message) {
        super(message, field);
    }

    public static NotFoundException of(String field, String kind, Object id) {
        return new NotFoundException(field, kind + " " + id + " does not exist");
    }
}
