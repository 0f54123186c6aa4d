package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** The request went over a limit while it ran; the message names the limit. */
@ErrorCode("QUERY_TOO_COMPLEX")
public class QueryTooComplexException extends ApiException {

    public QueryTooComplexException(String message) {
        super(message, null);
    }
}
