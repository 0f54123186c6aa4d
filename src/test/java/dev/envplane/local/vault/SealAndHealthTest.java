package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.anonymous;
import static dev.envplane.local.vault.VaultTestSupport.as;
import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** sys/health, sys/seal-status, sealing and unsealing, and the 503 every other endpoint answers while sealed. */
class SealAndHealthTest {

    private static VaultServer server;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory());
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/app").then().statusCode(200);
    }

    @AfterEach
    void unsealAgain() {
        server.unseal();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthWithoutTokenWhenActive() {
        anonymous(server).get("/v1/sys/health").then().statusCode(200)
                .body("initialized", equalTo(true))
                .body("sealed", equalTo(false))
                .body("standby", equalTo(false))
                .body("performance_standby", equalTo(false))
                .body("version", equalTo("1.17.0-envplane"))
                .body("server_time_utc", greaterThan(0))
                .body("cluster_name", not(emptyString()))
                .body("$", not(hasKey("data")));
        anonymous(server).head("/v1/sys/health?standbyok=true&perfstandbyok=true").then().statusCode(200)
                .body(emptyString());
    }

    @Test
    void healthCodesAreTunable() {
        anonymous(server).get("/v1/sys/health?activecode=299").then().statusCode(299);
        anonymous(server).get("/v1/sys/health?activecode=abc").then().statusCode(400);
        server.seal();
        anonymous(server).get("/v1/sys/health").then().statusCode(503).body("sealed", equalTo(true));
        anonymous(server).head("/v1/sys/health").then().statusCode(503);
        anonymous(server).get("/v1/sys/health?sealedcode=200").then().statusCode(200).body("sealed", equalTo(true));
    }

    @Test
    void sealedHealthReportsWhatVaultReports() {
        server.seal();
        // Vault's core is a standby while sealed and cannot read its cluster identity.
        anonymous(server).get("/v1/sys/health").then().statusCode(503)
                .body("initialized", equalTo(true))
                .body("sealed", equalTo(true))
                .body("standby", equalTo(true))
                .body("performance_standby", equalTo(false))
                .body("$", not(hasKey("cluster_name")))
                .body("$", not(hasKey("cluster_id")));
        // Sealed outranks standby: standbyok does not turn a sealed node into a healthy one.
        anonymous(server).get("/v1/sys/health?standbyok=true").then().statusCode(503);
        anonymous(server).get("/v1/sys/health?standbycode=200").then().statusCode(503);
        anonymous(server).get("/v1/sys/health?sealedcode=abc").then().statusCode(400).body("errors", empty());
        server.unseal();
        anonymous(server).get("/v1/sys/health?sealedcode=599&standbycode=598").then().statusCode(200)
                .body("standby", equalTo(false));
        anonymous(server).post("/v1/sys/health").then().statusCode(405);
    }

    @Test
    void sealStatusWithoutToken() {
        anonymous(server).get("/v1/sys/seal-status").then().statusCode(200)
                .body("type", equalTo("shamir"))
                .body("initialized", equalTo(true))
                .body("sealed", equalTo(false))
                .body("t", equalTo(1))
                .body("n", equalTo(1))
                .body("progress", equalTo(0))
                .body("nonce", equalTo(""))
                .body("version", equalTo("1.17.0-envplane"))
                .body("build_date", not(emptyString()))
                .body("migration", equalTo(false))
                .body("recovery_seal", equalTo(false))
                .body("storage_type", equalTo("inmem"));
    }

    @Test
    void sealOverHttpNeedsRootAndBlocksEverythingElse() {
        String token = createToken(server, "default");
        as(server, token).put("/v1/sys/seal").then().statusCode(403);
        assertFalse(server.isSealed());

        asRoot(server).put("/v1/sys/seal").then().statusCode(204);
        assertTrue(server.isSealed());
        anonymous(server).get("/v1/sys/seal-status").then().statusCode(200).body("sealed", equalTo(true));
        asRoot(server).get("/v1/secret/data/app").then().statusCode(503).body("errors", contains("Vault is sealed"));
        asRoot(server).get("/v1/auth/token/lookup-self").then().statusCode(503).body("errors", contains("Vault is sealed"));
        anonymous(server).body(Map.of("role_id", "x", "secret_id", "y")).post("/v1/auth/approle/login").then().statusCode(503);
        asRoot(server).put("/v1/sys/seal").then().statusCode(503);
        asRoot(server).request("LIST", "/v1/secret/metadata").then().statusCode(503);
    }

    @Test
    void unsealWithTheKey() {
        server.seal();
        anonymous(server).body(Map.of("key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")).put("/v1/sys/unseal")
                .then().statusCode(400);
        assertTrue(server.isSealed());
        anonymous(server).body(Map.of("reset", true)).put("/v1/sys/unseal").then().statusCode(200)
                .body("sealed", equalTo(true)).body("progress", equalTo(0));
        anonymous(server).body(Map.of("key", server.unsealKey())).post("/v1/sys/unseal").then().statusCode(200)
                .body("sealed", equalTo(false))
                .body("t", equalTo(1));
        assertFalse(server.isSealed());
        asRoot(server).get("/v1/secret/data/app").then().statusCode(200).body("data.data.k", equalTo("v"));
    }

    @Test
    void programmaticSealAndUnseal() {
        server.seal();
        assertTrue(server.isSealed());
        asRoot(server).get("/v1/secret/data/app").then().statusCode(503);
        server.unseal();
        assertFalse(server.isSealed());
        asRoot(server).get("/v1/secret/data/app").then().statusCode(200);
    }

    @Test
    void pathsOutsideTheApiAndUnknownMethods() {
        anonymous(server).get("/not-the-api").then().statusCode(404);
        asRoot(server).request("OPTIONS", "/v1/secret/data/app").then().statusCode(405);
        asRoot(server).body("{not json").post("/v1/secret/data/app").then().statusCode(400);
    }
}
