package dev.envplane.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.envplane.api.SecretStoreUnavailableException;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.http.jdk.JDKVaultHttpClient;

/**
 * SecretStore.wrap against a "Vault" that ignores X-Vault-Wrap-TTL and answers the values themselves (what a proxy
 * dropping the header would cause): nothing is delivered, the error is SECRET_STORE_UNAVAILABLE, and the refusal
 * carries no value. The local Vault always wraps, so this one is a stand-in that does not.
 */
class SecretStoreWrapTest {

    private static final String VALUE = "canary-not-wrapped-" + UUID.randomUUID();

    private HttpServer vault;
    private JDKVaultHttpClient http;
    private final AtomicReference<String> wrapTtlAsked = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        vault = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        vault.createContext("/v1/", exchange -> {
            wrapTtlAsked.set(exchange.getRequestHeaders().getFirst("X-Vault-Wrap-TTL"));
            byte[] body = ("{\"request_id\": \"r\", \"wrap_info\": null, \"data\": {\"data\": {\"password\": \"" + VALUE
                    + "\"}, \"metadata\": {\"version\": 1}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vault.start();
        http = new JDKVaultHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterEach
    void stop() {
        http.close();
        vault.stop(0);
    }

    @Test
    void anAnswerVaultDidNotWrapIsRefused() {
        VaultClient client = VaultClient.builder().executor(http).baseUrl("http://127.0.0.1:" + vault.getAddress().getPort())
                .clientToken("service-token").build();
        SecretStore store = new SecretStore(client, new SecretStoreConfig() {
            @Override
            public String mount() {
                return "secret";
            }

            @Override
            public String prefix() {
                return "envplane";
            }
        });
        Throwable refused = assertThrows(RuntimeException.class,
                () -> store.wrap("envplane/x", 1, Duration.ofSeconds(60)).await().atMost(Duration.ofSeconds(30)));
        assertInstanceOf(SecretStoreUnavailableException.class, refused);
        assertFalse(String.valueOf(refused.getMessage()).contains(VALUE));
        assertEquals(null, refused.getCause());
        assertEquals("60", wrapTtlAsked.get(), "wrapping was asked for, in seconds");
    }
}
