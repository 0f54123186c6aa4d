package dev.envplane.local.vault;

import java.util.List;

/** An error answered as Vault does: the status code and {"errors":[...]}. */
final class VaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> errors;

    VaultException(int status, List<String> errors) {
        super(status + " " + errors, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static VaultException badRequest(String message) {
        return new VaultException(400, List.of(message));
    }

    static VaultException permissionDenied() {
        return new VaultException(403, List.of("permission denied"));
    }

    /** Vault's answer for a missing secret or path: 404 with an empty error list. */
    static VaultException notFound() {
        return new VaultException(404, List.of());
    }

    static VaultException noHandler(String path) {
        return new VaultException(404, List.of("no handler for route \"" + path + "\". route entry not found."));
    }

    static VaultException unsupportedOperation() {
        return new VaultException(405, List.of("unsupported operation"));
    }

    static VaultException sealed() {
        return new VaultException(503, List.of("Vault is sealed"));
    }

    int status() {
        return status;
    }

    List<String> errors() {
        return errors;
    }
}
