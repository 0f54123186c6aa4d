package dev.envplane.local.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes HTTP exchanges into {@link VaultRequest}s, runs them one at a time (correctness over speed),
 * lets the server persist, and writes Vault-shaped responses. Logs method, path and status only: never
 * bodies, secret values or tokens.
 */
final class VaultHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(VaultHttpHandler.class.getName());
    /** Vault's default max_request_size. */
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final String PREFIX = "/v1/";

    private final VaultRouter router;
    private final Object lock;
    private final Runnable afterEachRequest;

    VaultHttpHandler(VaultRouter router, Object lock, Runnable afterEachRequest) {
        this.router = router;
        this.lock = lock;
        this.afterEachRequest = afterEachRequest;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        if (!Paths.isPrintable(path)) {
            // go-cleanhttp in front of Vault: 400 with no body.
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        String canonical = Paths.canonical(path);
        if (!canonical.equals(path)) {
            redirect(exchange, canonical);
            return;
        }
        VaultResponse response;
        try {
            VaultRequest request = decode(exchange, method, path);
            synchronized (lock) {
                try {
                    response = router.route(request);
                } finally {
                    // Also after errors: a 403 can still have used up or expired a token.
                    afterEachRequest.run();
                }
            }
        } catch (VaultException e) {
            response = VaultResponses.errors(e.status(), e.errors());
        } catch (RuntimeException e) {
            // The exception type only: messages of parsing errors can quote request content.
            LOG.log(System.Logger.Level.WARNING, "{0} {1} failed: {2}", method, path, e.getClass().getName());
            response = VaultResponses.errors(500, List.of("internal error"));
        }
        try {
            write(exchange, response, method.equals("HEAD"));
        } finally {
            exchange.close();
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} {1} {2}", method, path, response.status());
    }

    private static VaultRequest decode(HttpExchange exchange, String method, String rawPath) throws IOException {
        if (!rawPath.startsWith(PREFIX)) {
            throw VaultException.notFound();
        }
        // rawPath is canonical: no doubled slash, no dot segment. A trailing slash stays, as in Vault.
        String path = rawPath.substring(PREFIX.length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Operation operation = switch (method) {
            case "GET" -> "true".equals(query.get("list")) ? Operation.LIST : Operation.READ;
            case "HEAD" -> Operation.READ;
            case "LIST" -> Operation.LIST;
            case "POST", "PUT" -> Operation.WRITE;
            case "PATCH" -> Operation.PATCH;
            case "DELETE" -> Operation.DELETE;
            default -> throw VaultException.unsupportedOperation();
        };
        if (operation == Operation.PATCH) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/merge-patch+json")) {
                throw new VaultException(415, List.of(
                        "PATCH requires Content-Type of application/merge-patch+json, provided " + mediaType));
            }
        }
        if (operation == Operation.LIST) {
            // Vault lists folders: "a" and "a/" are the same LIST request, on "a/".
            path = Paths.asFolder(path);
        }
        return new VaultRequest(method, operation, path, query, body(exchange.getRequestBody()), token(exchange),
                wrapTtl(exchange));
    }

    /** X-Vault-Wrap-TTL in seconds, or null when the request does not ask for response wrapping. */
    private static Long wrapTtl(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("X-Vault-Wrap-TTL");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Durations.seconds(header);
        } catch (NumberFormatException e) {
            throw VaultException.badRequest("error parsing wrap TTL");
        }
    }

    /**
     * Go's ServeMux answers a non-canonical path with 301 to the canonical one (query kept): the request
     * itself is never routed, so no ACL check or storage key ever sees the other spelling.
     */
    private static void redirect(HttpExchange exchange, String canonical) throws IOException {
        try {
            String location = new URI(null, null, canonical, null).getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().set("Location", query == null ? location : location + "?" + query);
            exchange.sendResponseHeaders(301, -1);
        } catch (URISyntaxException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    private static String token(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    private static ObjectNode body(InputStream input) throws IOException {
        byte[] bytes = input.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new VaultException(413, List.of("http: request body too large"));
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw VaultException.badRequest("failed to parse JSON input: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw VaultException.badRequest("failed to parse JSON input: expected a JSON object");
        }
        return (ObjectNode) node;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw VaultException.badRequest("malformed query string");
            }
        }
        return query;
    }

    private static void write(HttpExchange exchange, VaultResponse response, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.body() == null || head) {
            if (response.body() != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }
}
