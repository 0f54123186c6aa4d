package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static dev.envplane.local.vault.VaultTestSupport.putPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: a request path is canonicalised before routing and before the ACL, as Vault's HTTP layer does
 * (Go's ServeMux answers 301 to the clean path; go-cleanhttp refuses non-printable characters), so no
 * spelling of a denied path reaches the secret. Sent over a raw socket: clients clean paths themselves.
 */
class RequestPathTest {

    private static final String LOCKED_VALUE = "locked-value-4711";
    private static final String LOCKED = "/v1/secret/data/team/locked/x";

    private static VaultServer server;
    private static String token;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory());
        putPolicy(server, "team", """
                path "secret/data/*" { capabilities = ["create", "read", "update"] }
                path "secret/data/team/locked/*" { capabilities = ["deny"] }
                path "secret/data/exact" { capabilities = ["read"] }
                path "secret/metadata/team/" { capabilities = ["list", "read", "update", "delete"] }
                """);
        token = createToken(server, "team");
        asRoot(server).body(Map.of("data", Map.of("password", LOCKED_VALUE))).post(LOCKED).then().statusCode(200);
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/exact").then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCanonicalPathIsDenied() {
        assertEquals(403, RawHttp.get(server, LOCKED, token).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/secret/data//team/locked/x",
            "/v1//secret/data/team/locked/x",
            "/v1/secret/data/team//locked/x",
            "/v1/secret/data/team/locked//x",
            "/v1/secret/data/./team/locked/x",
            "/v1/secret/data/team/./locked/x",
            "/v1/secret/data/team/open/../locked/x",
            "/v1/secret/data/team/locked/x/.",
            "/v1/secret/data/team/locked/x/y/..",
            "/v1/../v1/secret/data/team/locked/x",
            "/v1/secret/data/team/%2e%2e/team/locked/x",
            "/v1/secret/data/%2Fteam/locked/x"})
    void everyOtherSpellingIsRedirectedToTheCanonicalPathAndNeverServed(String target) {
        RawHttp.Response response = RawHttp.get(server, target, token);
        assertEquals(301, response.status(), target);
        assertEquals(LOCKED, response.header("Location"), target);
        assertFalse(response.body().contains(LOCKED_VALUE), target);
        // Following the redirect lands on the ACL of the canonical path.
        assertEquals(403, RawHttp.get(server, response.header("Location"), token).status());
    }

    @Test
    void theRedirectKeepsTheQuery() {
        RawHttp.Response response = RawHttp.get(server, "/v1/secret/data//team/locked/x?version=1", token);
        assertEquals(301, response.status());
        assertEquals(LOCKED + "?version=1", response.header("Location"));
    }

    @Test
    void aWriteThroughAnotherSpellingWritesNothing() {
        RawHttp.Response response = RawHttp.send(server, "POST", "/v1/secret/data/team//locked/y", token,
                "{\"data\":{\"k\":\"planted\"}}");
        assertEquals(301, response.status());
        asRoot(server).get("/v1/secret/data/team/locked/y").then().statusCode(404);
        asRoot(server).get("/v1/secret/data/team/y").then().statusCode(404);
    }

    @Test
    void aTrailingSlashIsAnotherPathNotTheSecretWithoutIt() {
        // Vault keeps the slash: "secret/data/team/locked/x/" falls under the deny rule too.
        assertEquals(403, RawHttp.get(server, LOCKED + "/", token).status());
        // The exact rule on "secret/data/exact" does not cover "secret/data/exact/"; the secret/data/* rule
        // does, and that path holds nothing.
        RawHttp.Response slash = RawHttp.get(server, "/v1/secret/data/exact/", token);
        assertEquals(404, slash.status());
        assertFalse(slash.body().contains("\"k\""));
        assertEquals(200, RawHttp.get(server, "/v1/secret/data/exact", token).status());
    }

    @Test
    void aPolicyPathEndingInASlashGrantsListOnTheFolderOnly() {
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/team/a").then().statusCode(200);
        assertEquals(200, RawHttp.send(server, "LIST", "/v1/secret/metadata/team", token, null).status());
        assertEquals(200, RawHttp.send(server, "LIST", "/v1/secret/metadata/team/", token, null).status());
        // The same rule is not an exact rule for the key "team" (read, update, delete on its metadata).
        assertEquals(403, RawHttp.get(server, "/v1/secret/metadata/team", token).status());
        assertEquals(403, RawHttp.send(server, "DELETE", "/v1/secret/metadata/team", token, null).status());
        assertEquals(403, RawHttp.send(server, "POST", "/v1/secret/metadata/team", token, "{\"max_versions\":1}").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/secret/data/team/a%00b", "/v1/secret/data/team/a%0Ab", "/v1/secret/data/team/a%7Fb",
            "/v1/secret/data/team/a%E2%80%8Bb"})
    void nonPrintableCharactersAreRefusedAsVaultRefusesThem(String target) {
        RawHttp.Response response = RawHttp.get(server, target, server.rootToken());
        assertEquals(400, response.status());
        assertEquals("", response.body());
    }
}
