package dev.envplane.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.vault.client.common.VaultRequest;
import io.quarkus.vault.client.common.VaultResponse;

/**
 * What envplane takes from a wrapped read: wrap_info only. An answer that came back unwrapped (a Vault or proxy that
 * ignored X-Vault-Wrap-TTL) holds the values: it is refused, and the refusal carries nothing of it. The local Vault
 * always wraps, so this case is proven here rather than over HTTP.
 */
class WrapInfoReaderTest {

    private static final String VALUE = "canary-unwrapped-" + java.util.UUID.randomUUID();

    private static VaultResponse<WrappingToken> answer(String body) {
        try {
            VaultRequest<WrappingToken> request = VaultRequest.<WrappingToken> get("wrap").baseUrl(new URL("http://127.0.0.1:8200"))
                    .path("secret", "data", "envplane", "x").wrapTTL(Duration.ofMinutes(1)).build(WrapInfoReader.INSTANCE);
            return new VaultResponse<>(request, 200, List.of(), body.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void aWrappedAnswerGivesTheTokenItsAccessorAndExpiry() {
        WrappingToken token = WrapInfoReader.INSTANCE.extract(answer("""
                {"request_id": "r", "lease_id": "", "renewable": false, "lease_duration": 0, "data": null, "warnings": null, "auth": null,
                 "wrap_info": {"token": "hvs.wrapping", "accessor": "acc-1", "ttl": 120, "creation_time": "2026-12-01T10:00:00.123456789Z",
                 "creation_path": "secret/data/envplane/x"}}""")).orElseThrow();
        assertEquals(new WrappingToken("hvs.wrapping", "acc-1", Instant.parse("2026-12-01T10:00:00.123456789Z"), Duration.ofSeconds(120)), token);
        assertEquals(Instant.parse("2026-12-01T10:02:00.123456789Z"), token.expiresAt());
    }

    @Test
    void anUnwrappedAnswerIsRefusedWithNothingOfItsValues() {
        for (String body : List.of(
                "{\"request_id\": \"r\", \"data\": {\"data\": {\"password\": \"" + VALUE + "\"}, \"metadata\": {\"version\": 1}}, \"wrap_info\": null}",
                "{\"data\": {\"data\": {\"password\": \"" + VALUE + "\"}}}",
                "{\"data\": {\"data\": {\"password\": \"" + VALUE + "\"}}, \"wrap_info\": {\"token\": \"t\"}}",
                "[\"" + VALUE + "\"]",
                "not json " + VALUE)) {
            WrapInfoReader.NotWrapped refused = assertThrows(WrapInfoReader.NotWrapped.class, () -> WrapInfoReader.INSTANCE.extract(answer(body)));
            assertFalse(String.valueOf(refused.getMessage()).contains(VALUE), body);
            assertEquals(null, refused.getCause());
        }
    }
}
