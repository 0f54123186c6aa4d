package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.anonymous;
import static dev.envplane.local.vault.VaultTestSupport.as;
import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static dev.envplane.local.vault.VaultTestSupport.putPolicy;
import static dev.envplane.local.vault.VaultTestSupport.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ACL policies (HCL and JSON, globs, priority, deny) and the token lifecycle, enforced over HTTP. */
class PolicyAndTokenTest {

    /** TTL tests move this clock instead of sleeping, so they cannot race a slow machine. */
    private static final TestClock CLOCK = new TestClock();
    private static VaultServer server;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory().withClock(CLOCK));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int write(String token, String path) {
        return as(server, token).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path).statusCode();
    }

    private static int read(String token, String path) {
        return as(server, token).get("/v1/secret/data/" + path).statusCode();
    }

    @Test
    void hclPolicyGrantsExactlyItsCapabilities() {
        String team = unique("envs");
        putPolicy(server, "envs-rw", """
                # Applications may manage their environment secrets
                path "secret/data/%1$s/*" {
                  capabilities = ["create", "read", "update"]
                }
                // and list them
                path "secret/metadata/%1$s/*" { capabilities = ["list"] }
                /* nothing else */
                """.formatted(team));
        String token = createToken(server, "envs-rw");

        assertStatus(200, write(token, team + "/db"));
        assertStatus(200, read(token, team + "/db"));
        as(server, token).request("LIST", "/v1/secret/metadata/" + team).then().statusCode(200)
                .body("data.keys", contains("db"));
        as(server, token).delete("/v1/secret/data/" + team + "/db").then().statusCode(403)
                .body("errors", contains("permission denied"));
        assertStatus(403, read(token, unique("elsewhere")));
        assertStatus(403, write(token, unique("elsewhere")));
        as(server, token).get("/v1/secret/metadata/" + team + "/db").then().statusCode(403);
    }

    @Test
    void postNeedsCreateForNewAndUpdateForExistingSecrets() {
        String path = unique("create-only");
        putPolicy(server, "create-only", "path \"secret/data/" + path + "\" { capabilities = [\"create\", \"read\"] }");
        String token = createToken(server, "create-only");
        assertStatus(200, write(token, path));
        assertStatus(403, write(token, path));
        assertStatus(200, read(token, path));
    }

    @Test
    void jsonPolicyFormWorks() {
        String path = unique("json");
        putPolicy(server, "json-reader",
                "{\"path\":{\"secret/data/" + path + "\":{\"capabilities\":[\"read\"]}}}");
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path).then().statusCode(200);
        String token = createToken(server, "json-reader");
        assertStatus(200, read(token, path));
        assertStatus(403, write(token, path));
    }

    @Test
    void plusMatchesExactlyOneSegment() {
        putPolicy(server, "team-config", "path \"secret/data/teams/+/config\" { capabilities = [\"read\", \"create\"] }");
        for (String path : List.of("teams/a/config", "teams/a/b/config", "teams/a/other")) {
            asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path);
        }
        String token = createToken(server, "team-config");
        assertStatus(200, read(token, "teams/a/config"));
        assertStatus(403, read(token, "teams/a/b/config"));
        assertStatus(403, read(token, "teams/a/other"));
    }

    @Test
    void starIsASuffixGlobOnly() {
        putPolicy(server, "glob", "path \"secret/data/glob/app*\" { capabilities = [\"create\"] }");
        String token = createToken(server, "glob");
        assertStatus(200, write(token, "glob/app"));
        assertStatus(200, write(token, "glob/application/deep/path"));
        assertStatus(403, write(token, "glob/other"));
    }

    @Test
    void denyOverridesGrantsFromOtherPolicies() {
        putPolicy(server, "shared-read", "path \"secret/data/shared/*\" { capabilities = [\"read\"] }");
        putPolicy(server, "shared-deny", """
                path "secret/data/shared/blocked" { capabilities = ["deny"] }
                path "secret/data/shared/*" { capabilities = ["deny"] }
                """);
        putPolicy(server, "shared-open", "path \"secret/data/shared/open\" { capabilities = [\"read\"] }");
        for (String path : List.of("shared/blocked", "shared/open", "shared/other")) {
            asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path);
        }
        String readOnly = createToken(server, "shared-read");
        assertStatus(200, read(readOnly, "shared/blocked"));
        String denied = createToken(server, "shared-read", "shared-deny", "shared-open");
        assertStatus(403, read(denied, "shared/blocked"));
        // The same glob pattern merges across policies and deny wins; an exact rule still wins over a glob.
        assertStatus(403, read(denied, "shared/other"));
        assertStatus(200, read(denied, "shared/open"));
    }

    @Test
    void mostSpecificRuleWins() {
        putPolicy(server, "priority", """
                path "secret/data/prio/*" { capabilities = ["read"] }
                path "secret/data/prio/+/locked" { capabilities = ["deny"] }
                path "secret/data/prio/team/*" { capabilities = ["create", "read", "update"] }
                """);
        for (String path : List.of("prio/x", "prio/a/locked", "prio/team/locked", "prio/team/app")) {
            asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path);
        }
        String token = createToken(server, "priority");
        assertStatus(200, read(token, "prio/x"));
        assertStatus(403, write(token, "prio/x"));
        assertStatus(403, read(token, "prio/a/locked"));
        // "prio/team/*" puts its glob later than "prio/+/locked" puts its +, so it has the higher priority.
        assertStatus(200, read(token, "prio/team/locked"));
        assertStatus(200, write(token, "prio/team/app"));
    }

    @Test
    void policyCrud() {
        String name = unique("crud").toUpperCase();
        String text = "path \"secret/data/crud\" { capabilities = [\"read\"] }";
        putPolicy(server, name, text);
        String stored = name.toLowerCase();
        asRoot(server).get("/v1/sys/policies/acl/" + stored).then().statusCode(200)
                .body("data.name", equalTo(stored)).body("data.policy", equalTo(text));
        asRoot(server).request("LIST", "/v1/sys/policies/acl").then().statusCode(200)
                .body("data.keys", hasItems(stored, "default", "root"));
        asRoot(server).get("/v1/sys/policies/acl?list=true").then().statusCode(200)
                .body("data.keys", hasItem(stored));
        asRoot(server).delete("/v1/sys/policies/acl/" + stored).then().statusCode(204);
        asRoot(server).get("/v1/sys/policies/acl/" + stored).then().statusCode(404);

        asRoot(server).delete("/v1/sys/policies/acl/default").then().statusCode(400);
        asRoot(server).body(Map.of("policy", text)).put("/v1/sys/policies/acl/root").then().statusCode(400);
        asRoot(server).body(Map.of("policy", "path \"x\" { capabilities = [\"read\"] ")).put("/v1/sys/policies/acl/broken")
                .then().statusCode(400).body("errors[0]", startsWith("failed to parse policy"));
        asRoot(server).body(Map.of("policy", "path \"x\" { capabilities = [\"fly\"] }")).put("/v1/sys/policies/acl/broken")
                .then().statusCode(400);
        asRoot(server).get("/v1/sys/policies/acl/broken").then().statusCode(404);
    }

    @Test
    void legacyPolicyEndpoint() {
        String text = "path \"secret/data/legacy\" { policy = \"read\" }";
        asRoot(server).body(Map.of("rules", text)).put("/v1/sys/policy/legacy").then().statusCode(204);
        asRoot(server).get("/v1/sys/policy/legacy").then().statusCode(200).body("data.rules", equalTo(text));
        asRoot(server).get("/v1/sys/policy").then().statusCode(200).body("data.policies", hasItem("legacy"));
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/legacy").then().statusCode(200);
        String token = createToken(server, "legacy");
        assertStatus(200, read(token, "legacy"));
        assertStatus(403, write(token, "legacy"));
    }

    @Test
    void policyEndpointsNeedTheirOwnCapabilities() {
        String token = createToken(server, "default");
        as(server, token).body(Map.of("policy", "path \"*\" { capabilities = [\"sudo\"] }"))
                .put("/v1/sys/policies/acl/escalate").then().statusCode(403);
    }

    @Test
    void tokenCreateAnswersAuthBlock() {
        putPolicy(server, "ci", "path \"secret/data/ci\" { capabilities = [\"read\"] }");
        asRoot(server).body(Map.of("policies", List.of("ci"), "ttl", "1h", "display_name", "ci", "renewable", true))
                .post("/v1/auth/token/create").then().statusCode(200)
                .body("data", nullValue())
                .body("auth.client_token", startsWith("hvs."))
                .body("auth.accessor", notNullValue())
                .body("auth.policies", containsInAnyOrder("ci", "default"))
                .body("auth.token_policies", containsInAnyOrder("ci", "default"))
                .body("auth.lease_duration", equalTo(3600))
                .body("auth.renewable", equalTo(true))
                .body("auth.orphan", equalTo(false));
    }

    @Test
    void lookupRenewAndRevokeSelf() {
        String token = asRoot(server).body(Map.of("policies", List.of("ci-lookup"), "ttl", "30m", "display_name", "ci"))
                .post("/v1/auth/token/create").then().statusCode(200).extract().path("auth.client_token");
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(200)
                .body("data.id", equalTo(token))
                .body("data.policies", containsInAnyOrder("ci-lookup", "default"))
                .body("data.ttl", allOf(greaterThan(1790), lessThanOrEqualTo(1800)))
                .body("data.creation_ttl", equalTo(1800))
                .body("data.renewable", equalTo(true))
                .body("data.display_name", equalTo("token-ci"))
                .body("data.expire_time", notNullValue())
                .body("data.accessor", notNullValue());
        as(server, token).body(Map.of("increment", "2h")).post("/v1/auth/token/renew-self").then().statusCode(200)
                .body("auth.client_token", equalTo(token))
                .body("auth.lease_duration", equalTo(7200));
        as(server, token).get("/v1/auth/token/lookup-self").then().body("data.ttl", greaterThan(7000));
        as(server, token).post("/v1/auth/token/revoke-self").then().statusCode(204);
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(403)
                .body("errors", contains("permission denied"));
    }

    @Test
    void unknownAndMissingTokensAreRefused() {
        as(server, "hvs.not-a-real-token").get("/v1/secret/data/anything").then().statusCode(403)
                .body("errors", contains("permission denied"));
        anonymous(server).get("/v1/secret/data/anything").then().statusCode(403);
        anonymous(server).get("/v1/auth/token/lookup-self").then().statusCode(403);
    }

    @Test
    void bearerAuthorizationHeaderWorks() {
        anonymous(server).header("Authorization", "Bearer " + server.rootToken())
                .get("/v1/auth/token/lookup-self").then().statusCode(200).body("data.policies", contains("root"));
    }

    @Test
    void tokenExpiresAfterItsTtl() {
        String token = asRoot(server).body(Map.of("policies", List.of("default"), "ttl", "1s"))
                .post("/v1/auth/token/create").then().statusCode(200)
                .body("auth.lease_duration", equalTo(1))
                .extract().path("auth.client_token");
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(200);
        CLOCK.advance(Duration.ofMillis(999));
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(200);
        CLOCK.advance(Duration.ofMillis(1));
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(403);
    }

    @Test
    void limitedUseTokenStopsWorking() {
        String token = asRoot(server).body(Map.of("policies", List.of("default"), "num_uses", 2))
                .post("/v1/auth/token/create").then().statusCode(200)
                .body("auth.num_uses", equalTo(2))
                .extract().path("auth.client_token");
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(200);
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(200);
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(403);
    }

    @Test
    void childPoliciesMustBeASubsetOfTheParent() {
        putPolicy(server, "maker", "path \"auth/token/create\" { capabilities = [\"update\"] }");
        String maker = createToken(server, "maker");
        as(server, maker).body(Map.of("policies", List.of("root"))).post("/v1/auth/token/create").then().statusCode(400)
                .body("errors[0]", containsString("subset"));
        as(server, maker).body(Map.of("policies", List.of("maker"))).post("/v1/auth/token/create").then().statusCode(200);
    }

    @Test
    void revokingAParentRevokesItsChildren() {
        putPolicy(server, "maker", "path \"auth/token/create\" { capabilities = [\"update\"] }");
        String parent = createToken(server, "maker");
        String child = as(server, parent).body(Map.of("policies", List.of("default")))
                .post("/v1/auth/token/create").then().statusCode(200).extract().path("auth.client_token");
        String orphan = asRoot(server).body(Map.of("policies", List.of("default"), "no_parent", true))
                .post("/v1/auth/token/create").then().statusCode(200)
                .body("auth.orphan", equalTo(true)).extract().path("auth.client_token");

        asRoot(server).body(Map.of("token", parent)).post("/v1/auth/token/lookup").then().statusCode(200)
                .body("data.id", equalTo(parent));
        asRoot(server).body(Map.of("token", parent)).post("/v1/auth/token/revoke").then().statusCode(204);
        as(server, parent).get("/v1/auth/token/lookup-self").then().statusCode(403);
        as(server, child).get("/v1/auth/token/lookup-self").then().statusCode(403);
        as(server, orphan).get("/v1/auth/token/lookup-self").then().statusCode(200);
    }

    @Test
    void nonRootTokensCannotUseRootOnlyTokenEndpoints() {
        String token = createToken(server, "default");
        as(server, token).body(Map.of("token", server.rootToken())).post("/v1/auth/token/lookup").then().statusCode(403);
        as(server, token).body(Map.of("token", server.rootToken())).post("/v1/auth/token/revoke").then().statusCode(403);
        as(server, token).body(Map.of()).post("/v1/auth/token/create").then().statusCode(403);
        asRoot(server).get("/v1/auth/token/lookup-self").then().statusCode(200);
    }

    @Test
    void capabilitiesSelfReportsTheAcl() {
        putPolicy(server, "caps", "path \"secret/data/caps/*\" { capabilities = [\"read\", \"list\"] }");
        String token = createToken(server, "caps");
        as(server, token).body(Map.of("paths", List.of("secret/data/caps/x", "secret/data/other")))
                .post("/v1/sys/capabilities-self").then().statusCode(200)
                .body("data.'secret/data/caps/x'", equalTo(List.of("list", "read")))
                .body("data.'secret/data/other'", equalTo(List.of("deny")));
    }

    @Test
    void unknownRoutesAre404ForRootAnd403ForOthers() {
        asRoot(server).get("/v1/nowhere/at/all").then().statusCode(404)
                .body("errors[0]", containsString("no handler for route"));
        as(server, createToken(server, "default")).get("/v1/nowhere/at/all").then().statusCode(403);
        // A KV v2 read of a secret that was never written: Vault's 404 with an empty error list.
        asRoot(server).get("/v1/secret/data/" + unique("never-written")).then().statusCode(404)
                .body("errors", empty()).body("$", not(hasKey("data")));
    }

    private static void assertStatus(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
