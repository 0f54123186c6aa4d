package dev.envplane.local.vault;

/** A policy text that is neither valid Vault HCL nor valid policy JSON. */
final class PolicyParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PolicyParseException(String message) {
        super(message);
    }
}
