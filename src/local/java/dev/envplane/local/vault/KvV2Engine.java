package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The versioned key/value secrets engine (KV v2) of one mount, with Vault's semantics. */
final class KvV2Engine {

    static final int DEFAULT_MAX_VERSIONS = 10;

    private final KvMountState state;
    private final Clock clock;

    KvV2Engine(KvMountState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    KvMountState state() {
        return state;
    }

    boolean exists(String path) {
        return state.secrets.containsKey(path);
    }

    // ---- data ---------------------------------------------------------------------------------------

    /** Writes a new version and answers its version metadata. */
    ObjectNode write(String path, ObjectNode data, Long cas) {
        KvSecret secret = state.secrets.get(path);
        checkCas(secret, cas);
        if (secret == null) {
            secret = newSecret();
            state.secrets.put(path, secret);
        }
        long version = addVersion(secret, data);
        return versionMetadata(secret, version, secret.versions.get(version));
    }

    /** Applies a JSON merge patch to the live latest version, writing the result as a new version. */
    ObjectNode patch(String path, ObjectNode patch, Long cas) {
        KvSecret secret = state.secrets.get(path);
        if (secret == null) {
            throw VaultException.notFound();
        }
        checkCas(secret, cas);
        KvVersion latest = secret.versions.get(secret.currentVersion);
        if (latest == null || !latest.isLive(now())) {
            throw VaultException.notFound();
        }
        ObjectNode merged = (ObjectNode) MergePatch.apply(latest.data, patch);
        long version = addVersion(secret, merged);
        return versionMetadata(secret, version, secret.versions.get(version));
    }

    /** A 404 without data when there is no such version; a 404 carrying the metadata when it is deleted. */
    VaultResponse read(String path, long requestedVersion) {
        KvSecret secret = state.secrets.get(path);
        if (secret == null) {
            throw VaultException.notFound();
        }
        long version = requestedVersion == 0 ? secret.currentVersion : requestedVersion;
        KvVersion stored = secret.versions.get(version);
        if (stored == null) {
            throw VaultException.notFound();
        }
        ObjectNode body = Json.object();
        if (!stored.isLive(now())) {
            body.set("data", NullNode.instance);
            body.set("metadata", versionMetadata(secret, version, stored));
            return VaultResponses.envelope(404, body, null);
        }
        body.set("data", stored.data.deepCopy());
        body.set("metadata", versionMetadata(secret, version, stored));
        return VaultResponses.ok(body);
    }

    /** The keys of the latest (or given) version with every leaf replaced by null, down to {@code depth}. */
    VaultResponse subkeys(String path, long requestedVersion, int depth) {
        VaultResponse read = read(path, requestedVersion);
        ObjectNode data = (ObjectNode) read.body().get("data");
        if (read.status() == 200) {
            data.set("subkeys", keysOnly(data.remove("data"), depth, 1));
        } else {
            data.remove("data");
            data.set("subkeys", NullNode.instance);
        }
        return read;
    }

    void deleteLatest(String path) {
        KvSecret secret = state.secrets.get(path);
        if (secret != null) {
            deleteVersions(path, List.of(secret.currentVersion));
        }
    }

    void deleteVersions(String path, Collection<Long> versions) {
        forEachVersion(path, versions, version -> {
            if (version.isLive(now())) {
                version.deletionTime = now().toString();
            }
        });
    }

    void undeleteVersions(String path, Collection<Long> versions) {
        forEachVersion(path, versions, version -> {
            if (!version.destroyed) {
                version.deletionTime = "";
            }
        });
    }

    void destroyVersions(String path, Collection<Long> versions) {
        forEachVersion(path, versions, version -> {
            version.destroyed = true;
            version.data = null;
        });
    }

    // ---- metadata -----------------------------------------------------------------------------------

    ObjectNode metadata(String path) {
        KvSecret secret = state.secrets.get(path);
        if (secret == null) {
            throw VaultException.notFound();
        }
        ObjectNode data = Json.object();
        data.put("cas_required", secret.casRequired);
        data.put("created_time", secret.createdTime);
        data.put("current_version", secret.currentVersion);
        data.set("custom_metadata", customMetadata(secret));
        data.put("delete_version_after", Durations.format(secret.deleteVersionAfterSeconds));
        data.put("max_versions", secret.maxVersions);
        data.put("oldest_version", secret.oldestVersion);
        data.put("updated_time", secret.updatedTime);
        ObjectNode versions = data.putObject("versions");
        secret.versions.forEach((number, version) -> {
            ObjectNode entry = versions.putObject(Long.toString(number));
            entry.put("created_time", version.createdTime);
            entry.put("deletion_time", version.deletionTime);
            entry.put("destroyed", version.destroyed);
        });
        return data;
    }

    /** POST/PUT metadata: sets the given fields, creating the key (without versions) if needed. */
    void writeMetadata(String path, ObjectNode body) {
        KvSecret secret = state.secrets.get(path);
        KvSecret target = secret == null ? newSecret() : secret;
        applyMetadataFields(target, body, false);
        target.updatedTime = now().toString();
        state.secrets.putIfAbsent(path, target);
    }

    /** PATCH metadata: like a write, but custom_metadata is merged (a null value removes a key). */
    void patchMetadata(String path, ObjectNode body) {
        KvSecret secret = state.secrets.get(path);
        if (secret == null) {
            throw VaultException.notFound();
        }
        applyMetadataFields(secret, body, true);
        secret.updatedTime = now().toString();
    }

    void deleteMetadata(String path) {
        state.secrets.remove(path);
    }

    /** The direct children of a folder: key names, and sub-folders with a trailing slash. */
    List<String> list(String folder) {
        String prefix = Paths.asFolder(folder);
        TreeSet<String> keys = new TreeSet<>();
        for (String key : state.secrets.keySet()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int slash = rest.indexOf('/');
                keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        keys.remove("");
        return new ArrayList<>(keys);
    }

    // ---- mount config -------------------------------------------------------------------------------

    ObjectNode config() {
        ObjectNode data = Json.object();
        data.put("cas_required", state.casRequired);
        data.put("delete_version_after", Durations.format(state.deleteVersionAfterSeconds));
        data.put("max_versions", state.maxVersions);
        return data;
    }

    void writeConfig(ObjectNode body) {
        if (body.has("max_versions")) {
            state.maxVersions = nonNegativeInt(body.get("max_versions"), "max_versions");
        }
        if (body.has("cas_required")) {
            state.casRequired = body.get("cas_required").asBoolean();
        }
        if (body.has("delete_version_after")) {
            state.deleteVersionAfterSeconds = Durations.seconds(body.get("delete_version_after"));
        }
    }

    // ---- internals ----------------------------------------------------------------------------------

    private void checkCas(KvSecret secret, Long cas) {
        boolean required = state.casRequired || (secret != null && secret.casRequired);
        if (required && cas == null) {
            throw VaultException.badRequest("check-and-set parameter required for this call");
        }
        long current = secret == null ? 0 : secret.currentVersion;
        if (cas != null && cas != current) {
            throw VaultException.badRequest("check-and-set parameter did not match the current version");
        }
    }

    private KvSecret newSecret() {
        KvSecret secret = new KvSecret();
        secret.createdTime = now().toString();
        secret.updatedTime = secret.createdTime;
        return secret;
    }

    private long addVersion(KvSecret secret, ObjectNode data) {
        Instant now = now();
        KvVersion version = new KvVersion();
        version.createdTime = now.toString();
        version.data = data.deepCopy();
        long deleteAfter = secret.deleteVersionAfterSeconds > 0
                ? secret.deleteVersionAfterSeconds : state.deleteVersionAfterSeconds;
        if (deleteAfter > 0) {
            version.deletionTime = now.plusSeconds(deleteAfter).toString();
        }
        if (secret.currentVersion == 0) {
            // The key's creation time is its first version's, as in Vault.
            secret.createdTime = version.createdTime;
        }
        long number = ++secret.currentVersion;
        secret.versions.put(number, version);
        secret.updatedTime = version.createdTime;
        pruneOldVersions(secret);
        return number;
    }

    /** Versions only grow; beyond max_versions the oldest are dropped for good. */
    private void pruneOldVersions(KvSecret secret) {
        int max = secret.maxVersions > 0 ? secret.maxVersions
                : state.maxVersions > 0 ? state.maxVersions : DEFAULT_MAX_VERSIONS;
        boolean pruned = false;
        while (!secret.versions.isEmpty() && secret.currentVersion - secret.versions.firstKey() >= max) {
            secret.versions.pollFirstEntry();
            pruned = true;
        }
        if (pruned) {
            secret.oldestVersion = secret.versions.firstKey();
        }
    }

    private void forEachVersion(String path, Collection<Long> versions, Consumer<KvVersion> action) {
        KvSecret secret = state.secrets.get(path);
        if (secret == null) {
            return;
        }
        for (Long number : versions) {
            KvVersion version = secret.versions.get(number);
            if (version != null) {
                action.accept(version);
            }
        }
    }

    private ObjectNode versionMetadata(KvSecret secret, long number, KvVersion version) {
        ObjectNode metadata = Json.object();
        metadata.put("created_time", version.createdTime);
        metadata.set("custom_metadata", customMetadata(secret));
        metadata.put("deletion_time", version.deletionTime);
        metadata.put("destroyed", version.destroyed);
        metadata.put("version", number);
        return metadata;
    }

    private static JsonNode customMetadata(KvSecret secret) {
        return secret.customMetadata == null ? NullNode.instance : Json.MAPPER.valueToTree(secret.customMetadata);
    }

    private void applyMetadataFields(KvSecret secret, ObjectNode body, boolean mergeCustomMetadata) {
        // Validate everything before changing anything, so a bad request leaves the key untouched.
        Integer maxVersions = body.hasNonNull("max_versions") ? nonNegativeInt(body.get("max_versions"), "max_versions") : null;
        Long deleteAfter = body.hasNonNull("delete_version_after")
                ? Durations.seconds(body.get("delete_version_after")) : null;
        Map<String, String> custom = null;
        if (body.has("custom_metadata")) {
            custom = mergeCustomMetadata && secret.customMetadata != null
                    ? new LinkedHashMap<>(secret.customMetadata) : new LinkedHashMap<>();
            JsonNode given = body.get("custom_metadata");
            if (!given.isNull() && !given.isObject()) {
                throw VaultException.badRequest("custom_metadata must be an object of strings");
            }
            if (given.isObject()) {
                for (Map.Entry<String, JsonNode> entry : given.properties()) {
                    if (entry.getValue().isNull() && mergeCustomMetadata) {
                        custom.remove(entry.getKey());
                    } else if (!entry.getValue().isTextual()) {
                        throw VaultException.badRequest("custom_metadata values must be strings: " + entry.getKey());
                    } else {
                        custom.put(entry.getKey(), entry.getValue().asText());
                    }
                }
            }
        }
        if (maxVersions != null) {
            secret.maxVersions = maxVersions;
        }
        if (body.hasNonNull("cas_required")) {
            secret.casRequired = body.get("cas_required").asBoolean();
        }
        if (deleteAfter != null) {
            secret.deleteVersionAfterSeconds = deleteAfter;
        }
        if (custom != null) {
            secret.customMetadata = custom.isEmpty() ? null : custom;
        }
    }

    private static int nonNegativeInt(JsonNode value, String field) {
        if (!value.canConvertToInt() && !(value.isTextual() && value.asText().matches("\\d+"))) {
            throw VaultException.badRequest(field + " must be a non-negative integer");
        }
        int number = value.isTextual() ? Integer.parseInt(value.asText()) : value.asInt();
        if (number < 0) {
            throw VaultException.badRequest(field + " must be a non-negative integer");
        }
        return number;
    }

    private static JsonNode keysOnly(JsonNode node, int depth, int level) {
        if (node == null || !node.isObject() || (depth > 0 && level > depth)) {
            return NullNode.instance;
        }
        ObjectNode keys = Json.object();
        node.properties().forEach(field -> keys.set(field.getKey(),
                field.getValue().isObject() && (depth == 0 || level < depth)
                        ? keysOnly(field.getValue(), depth, level + 1) : NullNode.instance));
        return keys;
    }

    private Instant now() {
        return clock.instant();
    }
}
