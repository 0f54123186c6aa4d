package dev.envplane.local.vault;

/**
 * The caller of one request: resolves the client token on first need (counting one use) and checks ACL
 * capabilities. Unauthenticated endpoints simply never ask.
 */
final class AccessContext {

    private final VaultRequest request;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private TokenEntry token;
    private Acl acl;

    AccessContext(VaultRequest request, TokenStore tokens, PolicyStore policies) {
        this.request = request;
        this.tokens = tokens;
        this.policies = policies;
    }

    /** The caller's token; 403 when missing, unknown, expired or revoked. */
    TokenEntry token() {
        if (token == null) {
            if (request.token() == null || request.token().isBlank()) {
                throw VaultException.permissionDenied();
            }
            token = tokens.find(request.token()).orElseThrow(VaultException::permissionDenied);
            tokens.use(token);
        }
        return token;
    }

    Acl acl() {
        if (acl == null) {
            acl = policies.aclFor(token().policies);
        }
        return acl;
    }

    /**
     * Checks {@code capability} on {@code path} with the request's own parameters and wrapping TTL, so a
     * policy's parameter constraints and wrapping bounds apply to every check made for this request.
     */
    void require(String path, Capability capability) {
        if (!acl().allows(path, capability, request.aclData(), request.wrapTtl())) {
            throw VaultException.permissionDenied();
        }
    }

    /** Root-protected paths need sudo on top of the operation's capability. */
    void requireSudo(String path, Capability capability) {
        require(path, capability);
        if (!acl().grants(path, Capability.SUDO)) {
            throw VaultException.permissionDenied();
        }
    }

    /** Checks the capability the request's operation needs on {@code path}. */
    void requireFor(String path, boolean targetExists) {
        String aclPath = request.operation() == Operation.LIST ? Paths.asFolder(path) : path;
        require(aclPath, request.operation().capability(targetExists));
    }
}
