package dev.envplane.local.vault;

import com.fasterxml.jackson.databind.JsonNode;

/** A status and a JSON body; a null body means an empty response (204, HEAD). */
record VaultResponse(int status, JsonNode body) {
}
