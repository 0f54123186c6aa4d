package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API call, already decoded.
 *
 * @param method    the HTTP method as sent
 * @param operation the logical operation (GET with ?list=true is a LIST)
 * @param path      the logical path without "/v1/" and without surrounding slashes
 * @param query     query parameters (a parameter without value maps to "")
 * @param body      the JSON body, an empty object when none was sent
 * @param token     the client token from X-Vault-Token or Authorization: Bearer, or null
 * @param wrapTtl   the X-Vault-Wrap-TTL asked for, in seconds, or null when the response is not to be wrapped
 */
record VaultRequest(String method, Operation operation, String path, Map<String, String> query,
                    ObjectNode body, String token, Long wrapTtl) {

    /**
     * The request's parameters as Vault's ACL sees them (req.Data): the JSON body for writes, the query
     * string (without "help" and "list") for reads, nothing for LIST and DELETE.
     */
    Map<String, JsonNode> aclData() {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        switch (operation) {
            case WRITE, PATCH -> body.properties().forEach(field -> data.put(field.getKey(), field.getValue()));
            case READ -> query.forEach((name, value) -> {
                if (!name.equals("help") && !name.equals("list")) {
                    data.put(name, Json.MAPPER.getNodeFactory().textNode(value));
                }
            });
            default -> {
                // LIST and DELETE carry no parameters the ACL looks at
            }
        }
        return data;
    }

    /** A parameter from the body, or from the query string as Vault merges both for reads. */
    JsonNode param(String name) {
        JsonNode value = body.get(name);
        if (value != null && !value.isNull()) {
            return value;
        }
        String fromQuery = query.get(name);
        return fromQuery == null ? null : Json.MAPPER.getNodeFactory().textNode(fromQuery);
    }

    String text(String name) {
        JsonNode value = param(name);
        return value == null ? null : value.asText();
    }

    boolean isHead() {
        return "HEAD".equals(method);
    }
}
