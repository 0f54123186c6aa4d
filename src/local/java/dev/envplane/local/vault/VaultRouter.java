package dev.envplane.local.vault;

/** Sends each request to the backend that owns its path, after the seal check. */
final class VaultRouter {

    private final SealState seal;
    private final SystemEndpoints system;
    private final TokenEndpoints tokenEndpoints;
    private final MountTable mounts;
    private final TokenStore tokens;
    private final PolicyStore policies;

    VaultRouter(SealState seal, SystemEndpoints system, TokenEndpoints tokenEndpoints, MountTable mounts,
                TokenStore tokens, PolicyStore policies) {
        this.seal = seal;
        this.system = system;
        this.tokenEndpoints = tokenEndpoints;
        this.mounts = mounts;
        this.tokens = tokens;
        this.policies = policies;
    }

    VaultResponse route(VaultRequest request) {
        String path = request.path();
        if (seal.isSealed() && !SystemEndpoints.SEALED_PATHS.contains(path)) {
            throw VaultException.sealed();
        }
        AccessContext access = new AccessContext(request, tokens, policies);
        String sysPath = Paths.below(path, "sys");
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
        access.requireFor(path, true);
        throw VaultException.noHandler(path);
    }
}
