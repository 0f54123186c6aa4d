package dev.envplane.local.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, sending the request target byte for byte: java.net.URI, rest-assured and
 * most clients clean "//", "." and ".." before sending, which would hide what the server does with them.
 * Every call has a read timeout, so a hung server fails the test instead of hanging the build.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Response send(VaultServer server, String method, String target, String token, String body) {
        return send(server.port(), method, target, token, body);
    }

    static Response get(int port, String target, String token) {
        return send(port, "GET", target, token, null);
    }

    static Response send(int port, String method, String target, String token, String body) {
        return send(port, method, target, token, body, Map.of());
    }

    static Response send(int port, String method, String target, String token, String body,
                         Map<String, String> headers) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            if (token != null) {
                request.append("X-Vault-Token: ").append(token).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: application/json\r\n");
            }
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response get(VaultServer server, String target, String token) {
        return send(server, "GET", target, token, null);
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        if (head.isEmpty()) {
            throw new UncheckedIOException(new IOException("connection closed without a response"));
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        return new Response(status, headers, body);
    }
}
