package dev.envplane.local.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One AppRole auth mount: roles and their issued secret IDs (persisted, so plain fields). */
final class AppRoleMountState {

    public String uuid = UUID.randomUUID().toString();
    public String accessor = "auth_approle_" + TokenStore.randomAlphanumeric(8).toLowerCase();
    public String description = "";
    public Map<String, Role> roles = new TreeMap<>();
    /** Secret IDs by value. */
    public Map<String, SecretId> secretIds = new TreeMap<>();

    static final class Role {
        public String name;
        public String roleId;
        public List<String> tokenPolicies = new ArrayList<>();
        public long tokenTtlSeconds;
        public long tokenMaxTtlSeconds;
        public int tokenNumUses;
        public long secretIdTtlSeconds;
        public int secretIdNumUses;
        public boolean bindSecretId = true;
    }

    static final class SecretId {
        public String roleName;
        public String accessor;
        public long createdMillis;
        /** 0 = never. */
        public long expireMillis;
        /** 0 = unlimited; otherwise the uses left. */
        public int usesLeft;
        public Map<String, String> metadata;
    }
}
