package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** Builds responses in Vault's wire format. */
final class VaultResponses {

    private VaultResponses() {
    }

    static VaultResponse ok(JsonNode data) {
        return envelope(200, data, null);
    }

    static VaultResponse auth(JsonNode auth) {
        return envelope(200, null, auth);
    }

    /** Every logical response is wrapped like this, including a 404 that carries data. */
    static VaultResponse envelope(int status, JsonNode data, JsonNode auth) {
        ObjectNode body = Json.object();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.set("data", data == null ? NullNode.instance : data);
        body.set("wrap_info", NullNode.instance);
        body.set("warnings", NullNode.instance);
        body.set("auth", auth == null ? NullNode.instance : auth);
        return new VaultResponse(status, body);
    }

    /** Endpoints such as sys/health and sys/seal-status answer a bare JSON object. */
    static VaultResponse raw(int status, JsonNode body) {
        return new VaultResponse(status, body);
    }

    static VaultResponse noContent() {
        return new VaultResponse(204, null);
    }

    static VaultResponse errors(int status, List<String> errors) {
        ObjectNode body = Json.object();
        body.set("errors", Json.array(errors));
        return new VaultResponse(status, body);
    }

    /** LIST answers data.keys, or 404 with no errors when there is nothing to list. */
    static VaultResponse keys(List<String> keys) {
        if (keys.isEmpty()) {
            throw VaultException.notFound();
        }
        ObjectNode data = Json.object();
        data.set("keys", Json.array(keys));
        return ok(data);
    }
}
