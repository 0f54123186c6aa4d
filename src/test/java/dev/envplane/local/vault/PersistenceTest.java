package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.as;
import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static dev.envplane.local.vault.VaultTestSupport.putPolicy;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State survives a restart, encrypted on disk, with the key in a separate owner-only file. */
class PersistenceTest {

    @TempDir
    Path dataDirectory;

    private VaultServer start(String rootToken) {
        return VaultServer.start(new VaultServerConfig(0, dataDirectory, rootToken, null));
    }

    @Test
    void restartKeepsSecretsPoliciesTokensRolesAndTheRootToken() throws IOException {
        String secretValue = "plaintext-" + UUID.randomUUID();
        String rootToken;
        String unsealKey;
        String appToken;
        String roleId;
        try (VaultServer server = start(null)) {
            rootToken = server.rootToken();
            unsealKey = server.unsealKey();
            asRoot(server).body(Map.of("data", Map.of("password", secretValue))).post("/v1/secret/data/db").then().statusCode(200);
            asRoot(server).body(Map.of("data", Map.of("password", secretValue + "-2"))).post("/v1/secret/data/db").then().statusCode(200);
            putPolicy(server, "db-reader", "path \"secret/data/db\" { capabilities = [\"read\"] }");
            appToken = createToken(server, "db-reader");
            asRoot(server).body(Map.of("token_policies", "db-reader")).post("/v1/auth/approle/role/app").then().statusCode(204);
            roleId = asRoot(server).get("/v1/auth/approle/role/app/role-id").then().extract().path("data.role_id");
        }

        byte[] stored = Files.readAllBytes(dataDirectory.resolve(EncryptedFileStore.DATA_FILE));
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(storedText.contains(secretValue), "the secret value must not be stored in plaintext");
        assertFalse(storedText.contains(rootToken), "the root token must not be stored in plaintext");
        assertFalse(storedText.contains("db-reader"), "policy names must not be stored in plaintext");
        assertFalse(storedText.contains(unsealKey), "the unseal key must not be stored in plaintext");

        try (VaultServer server = start(null)) {
            assertEquals(rootToken, server.rootToken());
            assertEquals(unsealKey, server.unsealKey());
            assertFalse(server.isSealed());
            asRoot(server).get("/v1/secret/data/db").then().statusCode(200)
                    .body("data.data.password", equalTo(secretValue + "-2"))
                    .body("data.metadata.version", equalTo(2));
            asRoot(server).get("/v1/secret/data/db?version=1").then().statusCode(200)
                    .body("data.data.password", equalTo(secretValue));
            as(server, appToken).get("/v1/secret/data/db").then().statusCode(200);
            as(server, appToken).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/db").then().statusCode(403);
            asRoot(server).get("/v1/auth/approle/role/app/role-id").then().body("data.role_id", equalTo(roleId));
        }
    }

    @Test
    void keyFileIsOwnerOnlyAndSeparateFromTheData() throws IOException {
        try (VaultServer server = start(null)) {
            asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/x").then().statusCode(200);
        }
        Path keyFile = dataDirectory.resolve(EncryptedFileStore.KEY_FILE);
        assertTrue(Files.exists(keyFile));
        assertTrue(Files.exists(dataDirectory.resolve(EncryptedFileStore.DATA_FILE)));
        if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDirectory.resolve(EncryptedFileStore.DATA_FILE))));
        }
        try (var files = Files.list(dataDirectory)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void configuredRootTokenReplacesThePersistedOne() {
        String original;
        try (VaultServer server = start(null)) {
            original = server.rootToken();
        }
        try (VaultServer server = start("hvs.my-dev-root")) {
            assertEquals("hvs.my-dev-root", server.rootToken());
            assertNotEquals(original, server.rootToken());
            asRoot(server).get("/v1/auth/token/lookup-self").then().statusCode(200);
            as(server, original).get("/v1/auth/token/lookup-self").then().statusCode(403);
        }
        try (VaultServer server = start(null)) {
            assertEquals("hvs.my-dev-root", server.rootToken());
        }
    }

    @Test
    void aDifferentKeyCannotReadTheData() throws IOException {
        try (VaultServer server = start(null)) {
            asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/x").then().statusCode(200);
        }
        Files.writeString(dataDirectory.resolve(EncryptedFileStore.KEY_FILE),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        assertThrows(IllegalStateException.class, () -> start(null).close());
    }

    @Test
    void restartStartsUnsealed() {
        try (VaultServer server = start(null)) {
            asRoot(server).put("/v1/sys/seal").then().statusCode(204);
        }
        try (VaultServer server = start(null)) {
            assertFalse(server.isSealed());
            asRoot(server).get("/v1/sys/seal-status").then().body("storage_type", equalTo("file"));
        }
    }
}
