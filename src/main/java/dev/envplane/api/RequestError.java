package dev.envplane.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * An error about the request itself rather than about a field's data: it never reached execution (or was cut short
 * by a limit). Its {@code extensions} carry the same {@code code} and {@code field} as resolver errors.
 */
public final class RequestError implements GraphQLError {

    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    private final String message;
    private final String code;
    private final String field;
    private final ErrorType type;
    private final List<SourceLocation> locations;
    private String limit;

    private RequestError(String message, String code, String field, ErrorType type, List<SourceLocation> locations) {
        this.message = message;
        this.code = code;
        this.field = field;
        this.type = type;
        this.locations = locations;
    }

    public static RequestError badRequest(String message) {
        return new RequestError(message, BAD_REQUEST, null, ErrorType.ValidationError, null);
    }

    /** No bearer token, or one that is not valid (signature, issuer, audience, expiry): answered with HTTP 401. */
    public static RequestError unauthenticated(String message) {
        return new RequestError(message, UNAUTHENTICATED, null, ErrorType.ValidationError, null);
    }

    public static RequestError parseFailed(String message, List<SourceLocation> locations) {
        return new RequestError(message, PARSE_FAILED, null, ErrorType.InvalidSyntax, locations);
    }

    public static RequestError validationFailed(String message, String field, List<SourceLocation> locations) {
        return new RequestError(message, VALIDATION_FAILED, field, ErrorType.ValidationError, locations);
    }

    /** {@code limit} is the configuration key of the limit, also given as {@code extensions.limit}. */
    public static RequestError tooComplex(String message, String limit) {
        RequestError error = new RequestError(message, QUERY_TOO_COMPLEX, null, ErrorType.ExecutionAborted, null);
        error.limit = limit;
        return error;
    }

    public String code() {
        return code;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public ErrorClassification getErrorType() {
        return type;
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        if (limit != null) {
            extensions.put("limit", limit);
        }
        return extensions;
    }
}
