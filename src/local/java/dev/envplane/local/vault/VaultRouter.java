package dev.envplane.local.vault;

/** Sends each request to the backend that owns its path, after the seal check. */
final class VaultRouter {

    private final SealState seal;
    private final SystemEndpoints system;
    private final TokenEndpoints tokenEndpoints;
    private final MountTable mounts;
    private final TokenStore tokens;
    private final PolicyStore policies;
    private final ResponseWrapping wrapping;

    VaultRouter(SealState seal, SystemEndpoints system, TokenEndpoints tokenEndpoints, MountTable mounts,
                TokenStore tokens, PolicyStore policies, ResponseWrapping wrapping) {
        this.seal = seal;
        this.system = system;
        this.tokenEndpoints = tokenEndpoints;
        this.mounts = mounts;
        this.tokens = tokens;
        this.policies = policies;
        this.wrapping = wrapping;
    }

    VaultResponse route(VaultRequest request) {
        if (seal.isSealed() && !SystemEndpoints.SEALED_PATHS.contains(request.path())) {
            throw VaultException.sealed();
        }
        if (request.wrapTtl() != null && request.wrapTtl() <= 0) {
            throw VaultException.badRequest("wrap TTL must be greater than zero");
        }
        VaultResponse response = dispatch(request);
        return request.wrapTtl() == null ? response : wrapping.wrap(response, request);
    }

    private VaultResponse dispatch(VaultRequest request) {
        AccessContext access = new AccessContext(request, tokens, policies);
        if (request.path().endsWith("/") && request.operation() != Operation.LIST) {
            // Vault keeps a trailing slash: "a/" is another path than "a", checked as itself. No route here
            // serves such a path (KV keys never end in a slash), so it ends as an unknown route.
            access.requireFor(request.path(), false);
            throw VaultException.noHandler(request.path());
        }
        // A LIST path always ends in a slash (the ACL sees it so); the backends address the folder without it.
        String path = request.operation() == Operation.LIST
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        String sysPath = Paths.below(path, "sys");
        if ("wrapping/unwrap".equals(sysPath)) {
            return wrapping.unwrap(request, access);
        }
        if ("wrapping/lookup".equals(sysPath)) {
            return wrapping.lookup(request);
        }
        if (sysPath != null) {
            return system.handle(request, sysPath, access);
        }
        String authPath = Paths.below(path, "auth");
        if (authPath != null) {
            String tokenPath = Paths.below(authPath, "token");
            if (tokenPath != null) {
                return tokenEndpoints.handle(request, tokenPath, access);
            }
            var appRole = mounts.appRole(authPath);
            if (appRole.isPresent()) {
                return appRole.get().backend().handle(request, appRole.get().rest(), access);
            }
        }
        var kv = mounts.kv(path);
        if (kv.isPresent()) {
            return KvV2Endpoints.handle(request, kv.get().mount(), kv.get().backend(), kv.get().rest(), access);
        }
        // Like Vault: a caller without access to the path learns nothing about whether a route exists.
        access.requireFor(request.path(), true);
        throw VaultException.noHandler(request.path());
    }
}
