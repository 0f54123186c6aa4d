package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Maps the HTTP API of a KV v2 mount ({mount}/data|metadata|delete|undelete|destroy|config|subkeys) onto the engine. */
final class KvV2Endpoints {

    private KvV2Endpoints() {
    }

    static VaultResponse handle(VaultRequest request, String mount, KvV2Engine engine, String rest,
                                AccessContext access) {
        int slash = rest.indexOf('/');
        String section = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : Paths.trimSlashes(rest.substring(slash + 1));
        String aclPath = request.path();
        return switch (section) {
            case "data" -> data(request, engine, key, aclPath, access);
            case "metadata" -> metadata(request, engine, key, aclPath, access);
            case "delete", "undelete", "destroy" -> versions(request, engine, section, key, aclPath, access);
            case "subkeys" -> subkeys(request, engine, key, aclPath, access);
            case "config" -> config(request, engine, key, aclPath, access);
            default -> {
                // KV v1 style paths on a v2 mount: Vault answers 404 and points at the v2 API.
                access.requireFor(aclPath, engine.exists(key));
                throw VaultException.noHandler(request.path());
            }
        };
    }

    private static VaultResponse data(VaultRequest request, KvV2Engine engine, String key, String aclPath,
                                      AccessContext access) {
        Operation operation = request.operation();
        if (operation == Operation.LIST) {
            throw VaultException.unsupportedOperation();
        }
        access.require(aclPath, operation.capability(engine.exists(key)));
        if (key.isEmpty()) {
            throw VaultException.notFound();
        }
        return switch (operation) {
            case READ -> engine.read(key, longParam(request, "version"));
            case WRITE -> VaultResponses.ok(engine.write(key, dataObject(request), cas(request)));
            case PATCH -> VaultResponses.ok(engine.patch(key, dataObject(request), cas(request)));
            case DELETE -> {
                engine.deleteLatest(key);
                yield VaultResponses.noContent();
            }
            case LIST -> throw VaultException.unsupportedOperation();
        };
    }

    private static VaultResponse metadata(VaultRequest request, KvV2Engine engine, String key, String aclPath,
                                          AccessContext access) {
        Operation operation = request.operation();
        access.requireFor(aclPath, engine.exists(key));
        if (operation == Operation.LIST) {
            return VaultResponses.keys(engine.list(key));
        }
        if (key.isEmpty()) {
            throw VaultException.notFound();
        }
        switch (operation) {
            case READ -> {
                return VaultResponses.ok(engine.metadata(key));
            }
            case WRITE -> engine.writeMetadata(key, request.body());
            case PATCH -> engine.patchMetadata(key, request.body());
            case DELETE -> engine.deleteMetadata(key);
            default -> throw VaultException.unsupportedOperation();
        }
        return VaultResponses.noContent();
    }

    /** delete/undelete/destroy take {"versions":[...]} and need update on their own path. */
    private static VaultResponse versions(VaultRequest request, KvV2Engine engine, String action, String key,
                                          String aclPath, AccessContext access) {
        if (request.operation() != Operation.WRITE) {
            throw VaultException.unsupportedOperation();
        }
        access.require(aclPath, Capability.UPDATE);
        List<Long> versions = new ArrayList<>();
        for (String value : Json.stringList(request.body().get("versions"))) {
            try {
                versions.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw VaultException.badRequest("invalid version number: " + value);
            }
        }
        if (versions.isEmpty()) {
            throw VaultException.badRequest("no version number provided");
        }
        switch (action) {
            case "delete" -> engine.deleteVersions(key, versions);
            case "undelete" -> engine.undeleteVersions(key, versions);
            default -> engine.destroyVersions(key, versions);
        }
        return VaultResponses.noContent();
    }

    private static VaultResponse subkeys(VaultRequest request, KvV2Engine engine, String key, String aclPath,
                                         AccessContext access) {
        if (request.operation() != Operation.READ) {
            throw VaultException.unsupportedOperation();
        }
        access.require(aclPath, Capability.READ);
        return engine.subkeys(key, longParam(request, "version"), (int) longParam(request, "depth"));
    }

    private static VaultResponse config(VaultRequest request, KvV2Engine engine, String key, String aclPath,
                                        AccessContext access) {
        if (!key.isEmpty()) {
            access.require(aclPath, request.operation().capability(true));
            throw VaultException.noHandler(request.path());
        }
        switch (request.operation()) {
            case READ -> {
                access.require(aclPath, Capability.READ);
                return VaultResponses.ok(engine.config());
            }
            case WRITE -> {
                access.require(aclPath, Capability.UPDATE);
                engine.writeConfig(request.body());
                return VaultResponses.noContent();
            }
            default -> throw VaultException.unsupportedOperation();
        }
    }

    private static ObjectNode dataObject(VaultRequest request) {
        JsonNode data = request.body().get("data");
        if (data == null || !data.isObject()) {
            throw VaultException.badRequest("no data provided");
        }
        return (ObjectNode) data;
    }

    /** options.cas; absent or null means "no check-and-set". */
    private static Long cas(VaultRequest request) {
        JsonNode options = request.body().get("options");
        JsonNode cas = options == null ? null : options.get("cas");
        if (cas == null || cas.isNull()) {
            return null;
        }
        if (cas.canConvertToLong()) {
            return cas.asLong();
        }
        try {
            return Long.parseLong(cas.asText().trim());
        } catch (NumberFormatException e) {
            throw VaultException.badRequest("invalid cas parameter");
        }
    }

    private static long longParam(VaultRequest request, String name) {
        String value = request.text(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw VaultException.badRequest("invalid " + name + " parameter: " + value);
        }
    }
}
