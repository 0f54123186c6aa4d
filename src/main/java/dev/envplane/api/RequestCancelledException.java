package dev.envplane.api;

import io.smallrye.graphql.api.ErrorCode;

/** The client went away: nothing more of its request runs. Nobody reads this error; it only stops the work. */
@ErrorCode("CANCELLED")
public class RequestCancelledException extends ApiException {

    public RequestCancelledException() {
        super("The client closed the connection; the request was cancelled", null);
    }
}
