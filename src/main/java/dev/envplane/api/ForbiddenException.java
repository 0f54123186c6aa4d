package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** The caller is authenticated but its role (or its token's scope) lacks the permission the operation declares. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {

    public ForbiddenException(String permission) {
        super("Missing permission " + permission, null);
    }
}
