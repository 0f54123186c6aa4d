package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static dev.envplane.local.vault.VaultTestSupport.putPolicy;
import static dev.envplane.local.vault.VaultTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.VaultClientException;
import io.quarkus.vault.client.api.common.VaultWrapInfo;
import io.quarkus.vault.client.api.common.VaultWrappedResult;
import io.quarkus.vault.client.common.VaultLeasedResultExtractor;
import io.quarkus.vault.client.common.VaultRequest;
import io.quarkus.vault.client.http.jdk.JDKVaultHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response wrapping: X-Vault-Wrap-TTL turns an answer into a single-use wrapping token, over raw HTTP and
 * through quarkus-vault's own client; the wrapped value appears in no answer but the one unwrap.
 */
class ResponseWrappingTest {

    private static final TestClock CLOCK = new TestClock();
    private static final String VALUE = "wrapped-secret-0815";

    private static VaultServer server;
    private static JDKVaultHttpClient http;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory().withClock(CLOCK));
        http = new JDKVaultHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static String secret() {
        String path = unique("wrap");
        asRoot(server).body(Map.of("data", Map.of("password", VALUE))).post("/v1/secret/data/" + path).then().statusCode(200);
        return path;
    }

    private static RawHttp.Response wrappedRead(String path, String token, String ttl) {
        return RawHttp.send(server.port(), "GET", "/v1/secret/data/" + path, token, null, Map.of("X-Vault-Wrap-TTL", ttl));
    }

    private static JsonNode json(RawHttp.Response response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttp.Response unwrap(String wrappingToken) {
        return RawHttp.send(server, "POST", "/v1/sys/wrapping/unwrap", wrappingToken, null);
    }

    @Test
    void aWrappedReadAnswersAWrappingTokenAndUnwrapsOnce() {
        String path = secret();
        String now = CLOCK.instant().toString();
        RawHttp.Response wrapped = wrappedRead(path, server.rootToken(), "5m");
        assertEquals(200, wrapped.status());
        assertFalse(wrapped.body().contains(VALUE));
        JsonNode info = json(wrapped).get("wrap_info");
        assertTrue(json(wrapped).get("data").isNull());
        assertEquals(300, info.get("ttl").asInt());
        assertEquals("secret/data/" + path, info.get("creation_path").asText());
        assertEquals(now, info.get("creation_time").asText());
        assertFalse(info.get("accessor").asText().isEmpty());
        String token = info.get("token").asText();

        // The wrapping token is good for nothing else.
        assertEquals(403, RawHttp.get(server, "/v1/secret/data/" + path, token).status());
        assertEquals(403, RawHttp.get(server, "/v1/auth/token/lookup-self", token).status());

        RawHttp.Response lookup = RawHttp.send(server, "POST", "/v1/sys/wrapping/lookup", null, "{\"token\":\"" + token + "\"}");
        assertEquals(200, lookup.status());
        assertEquals(300, json(lookup).at("/data/creation_ttl").asInt());
        assertFalse(lookup.body().contains(VALUE));

        RawHttp.Response first = unwrap(token);
        assertEquals(200, first.status());
        assertEquals(VALUE, json(first).at("/data/data/password").asText());

        RawHttp.Response second = unwrap(token);
        assertEquals(400, second.status());
        assertTrue(second.body().contains("wrapping token is not valid or does not exist"));
        assertFalse(second.body().contains(VALUE));
    }

    @Test
    void anotherTokenMayUnwrapWithTheTokenInTheBody() {
        String token = json(wrappedRead(secret(), server.rootToken(), "60")).at("/wrap_info/token").asText();
        String other = createToken(server, "default");
        RawHttp.Response unwrapped = RawHttp.send(server, "POST", "/v1/sys/wrapping/unwrap", other, "{\"token\":\"" + token + "\"}");
        assertEquals(200, unwrapped.status());
        assertEquals(VALUE, json(unwrapped).at("/data/data/password").asText());
        assertEquals(400, unwrap(token).status());
    }

    @Test
    void aWrappingTokenExpiresWithItsTtl() {
        String token = json(wrappedRead(secret(), server.rootToken(), "60")).at("/wrap_info/token").asText();
        CLOCK.advance(Duration.ofSeconds(60));
        RawHttp.Response late = unwrap(token);
        assertEquals(400, late.status());
        assertFalse(late.body().contains(VALUE));
    }

    @Test
    void policyWrappingBoundsAreEnforced() {
        String path = secret();
        String policy = unique("bounds");
        putPolicy(server, policy, "path \"secret/data/" + path + "\" {\n  capabilities = [\"read\"]\n"
                + "  min_wrapping_ttl = \"1m\"\n  max_wrapping_ttl = \"1h\"\n}");
        String token = createToken(server, policy);
        assertEquals(403, RawHttp.get(server, "/v1/secret/data/" + path, token).status());
        assertEquals(403, wrappedRead(path, token, "30s").status());
        assertEquals(403, wrappedRead(path, token, "2h").status());
        RawHttp.Response inBounds = wrappedRead(path, token, "10m");
        assertEquals(200, inBounds.status());
        assertFalse(inBounds.body().contains(VALUE));
        assertEquals(VALUE, json(unwrap(json(inBounds).at("/wrap_info/token").asText())).at("/data/data/password").asText());
    }

    @Test
    void aBadWrapTtlIsRefused() {
        String path = secret();
        assertEquals(400, wrappedRead(path, server.rootToken(), "0").status());
        assertEquals(400, wrappedRead(path, server.rootToken(), "soon").status());
    }

    @Test
    void quarkusVaultsClientWrapsLooksUpAndUnwraps() {
        String path = secret();
        VaultClient root = VaultClient.builder().executor(http).baseUrl(server.url()).clientToken(server.rootToken()).build();
        VaultRequest<VaultWrappedResult> read = VaultRequest.get("wrapped read").path("secret", "data", path)
                .wrapTTL(Duration.ofMinutes(2)).expectOkStatus()
                .build(VaultLeasedResultExtractor.of(VaultWrappedResult.class));
        VaultWrapInfo info = await(root.execute(read)).getResult().getWrapInfo();
        assertEquals(Duration.ofMinutes(2), info.getTtl());
        assertEquals("secret/data/" + path, info.getCreationPath());

        var lookup = await(root.sys().wrapping().lookup(info.getToken()));
        assertEquals(Duration.ofMinutes(2), lookup.getCreationTtl());
        assertEquals("secret/data/" + path, lookup.getCreationPath());

        VaultClient asWrappingToken = VaultClient.builder().executor(http).baseUrl(server.url())
                .clientToken(info.getToken()).build();
        var unwrapped = await(asWrappingToken.sys().wrapping().unwrap());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) unwrapped.getData().get("data");
        assertEquals(VALUE, data.get("password"));

        VaultClientException again = assertInstanceOf(VaultClientException.class,
                assertThrows(RuntimeException.class, () -> await(root.sys().wrapping().unwrap(info.getToken()))));
        assertEquals(400, again.getStatus());
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the Vault server within 30 s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
