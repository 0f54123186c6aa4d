package dev.envplane.api;

/**
 * A failure the caller can act on. Its message is shown to clients, so it must never carry a secret, SQL text or
 * an exception class name; {@link #field()} names the input field it concerns, when there is one.
 * Subclasses carry the stable {@code extensions.code} through SmallRye's {@code @ErrorCode}.
 */
public abstract class ApiException extends RuntimeException {

    private final String field;

    protected ApiException(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
