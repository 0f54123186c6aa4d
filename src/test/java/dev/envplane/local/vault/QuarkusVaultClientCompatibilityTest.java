package dev.envplane.local.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.VaultClientException;
import io.quarkus.vault.client.api.auth.approle.VaultAuthAppRoleUpdateRoleParams;
import io.quarkus.vault.client.api.auth.token.VaultAuthTokenCreateTokenParams;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2UpdateSecretOptions;
import io.quarkus.vault.client.api.sys.health.VaultHealthStatus;
import io.quarkus.vault.client.http.jdk.JDKVaultHttpClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the server with the client library inside quarkus-vault (io.quarkus.vault.client, plain Java, no
 * Quarkus needed): if a response shape or status code were off, these calls would fail to map or throw.
 */
class QuarkusVaultClientCompatibilityTest {

    private static VaultServer server;
    private static JDKVaultHttpClient http;
    private static VaultClient root;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory());
        http = new JDKVaultHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        root = client().clientToken(server.rootToken()).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static VaultClient.Builder client() {
        return VaultClient.builder().executor(http).baseUrl(server.url());
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            // A timeout on every call: a deadlocked server fails the test instead of hanging the build.
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

    private static VaultClientException clientError(Runnable call) {
        return assertInstanceOf(VaultClientException.class, assertThrows(RuntimeException.class, call::run));
    }

    @Test
    void kv2ReadWritePatchAndVersions() {
        VaultSecretsKV2 kv = root.secrets().kv2("secret");
        await(kv.updateSecret("client/db", null, Map.of("user", "app", "password", "one")));
        await(kv.updateSecret("client/db", new VaultSecretsKV2UpdateSecretOptions().setCas(1), Map.of("user", "app", "password", "two")));

        var latest = await(kv.readSecret("client/db"));
        assertEquals("two", latest.getData().get("password"));
        assertEquals(2, latest.getMetadata().getVersion());
        assertFalse(latest.getMetadata().isDestroyed());
        assertNotNull(latest.getMetadata().getCreatedTime());
        assertEquals("one", await(kv.readSecret("client/db", 1)).getData().get("password"));

        VaultClientException casMismatch = clientError(() -> await(kv.updateSecret("client/db",
                new VaultSecretsKV2UpdateSecretOptions().setCas(1), Map.of("password", "stale"))));
        assertEquals(400, casMismatch.getStatus());
        assertTrue(casMismatch.hasErrorContaining("check-and-set parameter did not match the current version"));

        await(kv.patchSecret("client/db", null, Map.of("password", "three")));
        var patched = await(kv.readSecret("client/db"));
        assertEquals(Map.of("user", "app", "password", "three"), patched.getData());

        var metadata = await(kv.readSecretMetadata("client/db"));
        assertEquals(3, metadata.getCurrentVersion());
        assertEquals(0, metadata.getOldestVersion());
        assertEquals("0s", metadata.getDeleteVersionAfter());
        assertEquals(3, metadata.getVersions().size());
        assertNotNull(metadata.getUpdatedTime());
    }

    @Test
    void kv2DeletesListsAndMissingSecrets() {
        VaultSecretsKV2 kv = root.secrets().kv2("secret");
        await(kv.updateSecret("listing/a", null, Map.of("k", "v")));
        await(kv.updateSecret("listing/b/c", null, Map.of("k", "v")));
        assertEquals(List.of("a", "b/"), await(kv.listSecrets("listing")));
        assertEquals(List.of("a", "b/"), await(kv.listSecrets("listing/")));

        VaultClientException missing = clientError(() -> await(kv.readSecret("listing/none")));
        assertEquals(404, missing.getStatus());

        await(kv.deleteSecret("listing/a"));
        assertEquals(404, clientError(() -> await(kv.readSecret("listing/a"))).getStatus());
        await(kv.undeleteSecretVersions("listing/a", List.of(1)));
        assertEquals("v", await(kv.readSecret("listing/a")).getData().get("k"));
        await(kv.destroySecretVersions("listing/a", List.of(1)));
        assertTrue(await(kv.readSecretMetadata("listing/a")).getVersions().get("1").isDestroyed());

        await(kv.updateSecretMetadata("listing/b/c", 4, false, "0s", Map.of("owner", "team")));
        assertEquals(Map.of("owner", "team"), await(kv.readSecretMetadata("listing/b/c")).getCustomMetadata());
        await(kv.deleteSecretMetadata("listing/b/c"));
        assertEquals(List.of("a"), await(kv.listSecrets("listing")));
    }

    @Test
    void tokensCreateLookupRenewAndRevoke() {
        await(root.sys().policy().update("client-reader", "path \"secret/data/client/*\" { capabilities = [\"read\"] }"));
        assertTrue(await(root.sys().policy().list()).contains("client-reader"));

        var created = await(root.auth().token().create(new VaultAuthTokenCreateTokenParams()
                .setPolicies(List.of("client-reader")).setTtl(Duration.ofMinutes(30)).setDisplayName("client")));
        assertEquals(Duration.ofMinutes(30), created.getLeaseDuration());
        assertTrue(created.isRenewable());
        assertTrue(created.getPolicies().contains("default"));

        VaultClient scoped = client().clientToken(created.getClientToken()).build();
        var self = await(scoped.auth().token().lookupSelf());
        assertEquals(created.getClientToken(), self.getId());
        assertTrue(self.getPolicies().contains("client-reader"));

        var renewed = await(scoped.auth().token().renewSelf(Duration.ofHours(1)));
        assertEquals(Duration.ofHours(1), renewed.getLeaseDuration());

        VaultClientException denied = clientError(() -> await(scoped.secrets().kv2("secret").listSecrets("client")));
        assertTrue(denied.isPermissionDenied());

        await(scoped.auth().token().revokeSelf());
        assertTrue(clientError(() -> await(scoped.auth().token().lookupSelf())).isPermissionDenied());
    }

    @Test
    void appRoleLoginThroughTheClientsAuthOptions() {
        await(root.sys().policy().update("client-approle", "path \"secret/data/approle/*\" { capabilities = [\"read\"] }"));
        await(root.secrets().kv2("secret").updateSecret("approle/db", null, Map.of("password", "pw")));
        var approle = root.auth().appRole();
        await(approle.updateRole("envplane", new VaultAuthAppRoleUpdateRoleParams()
                .setTokenPolicies(List.of("client-approle")).setTokenTtl(Duration.ofMinutes(20))));
        assertEquals(List.of("client-approle"), await(approle.readRole("envplane")).getTokenPolicies());
        String roleId = await(approle.readRoleId("envplane"));
        String secretId = await(approle.generateSecretId("envplane", null)).getSecretId();

        var login = await(approle.login(roleId, secretId));
        assertEquals(Duration.ofMinutes(20), login.getLeaseDuration());
        assertNotNull(login.getClientToken());

        // The client logs in lazily with role and secret ID, as quarkus.vault.authentication.app-role does.
        VaultClient app = client().appRole(roleId, secretId).build();
        assertEquals("pw", await(app.secrets().kv2("secret").readSecret("approle/db")).getData().get("password"));

        VaultClientException bad = clientError(() -> await(approle.login(roleId, "wrong")));
        assertEquals(400, bad.getStatus());
    }

    @Test
    void healthAndSealStatus() {
        assertEquals(VaultHealthStatus.INITIALIZED_UNSEALED_ACTIVE, await(root.sys().health().status()));
        var info = await(root.sys().health().info());
        assertFalse(info.isSealed());
        assertEquals("1.17.0-envplane", info.getVersion());
        var seal = await(root.sys().seal().status());
        assertEquals("shamir", seal.getType());
        assertFalse(seal.isSealed());
        assertNotNull(seal.getBuildDate());

        server.seal();
        try {
            assertEquals(VaultHealthStatus.SEALED, await(root.sys().health().status()));
            VaultClientException sealed = clientError(() -> await(root.secrets().kv2("secret").readSecret("client/db")));
            assertEquals(503, sealed.getStatus());
            assertTrue(sealed.hasErrorContaining("Vault is sealed"));
            var status = await(root.sys().seal().unseal(server.unsealKey(), null, null));
            assertFalse(status.isSealed());
        } finally {
            server.unseal();
        }
    }
}
