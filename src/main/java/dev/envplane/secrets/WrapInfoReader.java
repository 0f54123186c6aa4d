package dev.envplane.secrets;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.quarkus.vault.client.common.VaultResponse;
import io.quarkus.vault.client.common.VaultResultExtractor;

/**
 * Reads {@code wrap_info} of a wrapped answer and nothing else: every other member of the body ({@code data} above
 * all) is skipped token by token, never turned into objects. An answer without {@code wrap_info} (a Vault or proxy
 * that ignored X-Vault-Wrap-TTL) carries the values themselves: it is refused, not read.
 */
final class WrapInfoReader implements VaultResultExtractor<WrappingToken> {

    static final WrapInfoReader INSTANCE = new WrapInfoReader();
    private static final JsonFactory JSON = new JsonFactory();

    /** Vault answered, but not wrapped: the caller must not deliver, and must not look at what came instead. */
    static final class NotWrapped extends IllegalStateException {
        NotWrapped() {
            super("Vault answered a wrapped read without wrap_info");
        }
    }

    private WrapInfoReader() {
    }

    @Override
    public Optional<WrappingToken> extract(VaultResponse<WrappingToken> response) {
        byte[] body = response.getBody().orElseThrow(NotWrapped::new);
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotWrapped();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                parser.nextToken();
                if (member.equals("wrap_info") && parser.currentToken() == JsonToken.START_OBJECT) {
                    return Optional.of(wrapInfo(parser));
                }
                parser.skipChildren();
            }
            throw new NotWrapped();
        } catch (IOException unreadable) {
            // not JSON with a wrap_info: refused like any unwrapped answer (the parser's message may quote the body)
            throw new NotWrapped();
        }
    }

    private static WrappingToken wrapInfo(JsonParser parser) throws IOException {
        String token = null;
        String accessor = null;
        String created = null;
        Long ttl = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            parser.nextToken();
            switch (member) {
                case "token" -> token = parser.getValueAsString();
                case "accessor" -> accessor = parser.getValueAsString();
                case "creation_time" -> created = parser.getValueAsString();
                case "ttl" -> ttl = parser.getValueAsLong();
                default -> parser.skipChildren();
            }
        }
        if (token == null || accessor == null || created == null || ttl == null || ttl <= 0) {
            throw new NotWrapped();
        }
        return new WrappingToken(token, accessor, OffsetDateTime.parse(created).toInstant(), Duration.ofSeconds(ttl));
    }
}
