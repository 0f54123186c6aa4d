package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.anonymous;
import static dev.envplane.local.vault.VaultTestSupport.as;
import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static dev.envplane.local.vault.VaultTestSupport.putPolicy;
import static dev.envplane.local.vault.VaultTestSupport.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AppRole: roles, role IDs, secret IDs and login, as a service such as envplane uses them. */
class AppRoleTest {

    /** TTL tests move this clock instead of sleeping, so they cannot race a slow machine. */
    private static final TestClock CLOCK = new TestClock();
    private static VaultServer server;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory().withClock(CLOCK));
        putPolicy(server, "approle-reader", "path \"secret/data/apps/*\" { capabilities = [\"read\"] }");
        asRoot(server).body(Map.of("data", Map.of("password", "s3cret"))).post("/v1/secret/data/apps/db")
                .then().statusCode(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String createRole(String mount, String name, Map<String, ?> settings) {
        asRoot(server).body(settings).post("/v1/auth/" + mount + "/role/" + name).then().statusCode(204);
        return asRoot(server).get("/v1/auth/" + mount + "/role/" + name + "/role-id").then().statusCode(200)
                .extract().path("data.role_id");
    }

    private static String newSecretId(String mount, String name) {
        return asRoot(server).post("/v1/auth/" + mount + "/role/" + name + "/secret-id").then().statusCode(200)
                .extract().path("data.secret_id");
    }

    private static io.restassured.response.Response login(String mount, String roleId, String secretId) {
        return anonymous(server).body(Map.of("role_id", roleId, "secret_id", secretId)).post("/v1/auth/" + mount + "/login");
    }

    @Test
    void roleCanBeReadListedAndDeleted() {
        String name = unique("svc");
        createRole("approle", name, Map.of("token_policies", List.of("approle-reader"), "token_ttl", "30m",
                "secret_id_ttl", "10m", "token_num_uses", 0));
        asRoot(server).get("/v1/auth/approle/role/" + name).then().statusCode(200)
                .body("data.token_policies", contains("approle-reader"))
                .body("data.policies", contains("approle-reader"))
                .body("data.token_ttl", equalTo(1800))
                .body("data.secret_id_ttl", equalTo(600))
                .body("data.token_num_uses", equalTo(0))
                .body("data.bind_secret_id", equalTo(true));
        asRoot(server).request("LIST", "/v1/auth/approle/role").then().statusCode(200)
                .body("data.keys", hasItem(name));

        asRoot(server).delete("/v1/auth/approle/role/" + name).then().statusCode(204);
        asRoot(server).get("/v1/auth/approle/role/" + name).then().statusCode(404);
    }

    @Test
    void loginWithRoleIdAndSecretIdIssuesAScopedToken() {
        String name = unique("envplane");
        String roleId = createRole("approle", name, Map.of("policies", "approle-reader", "token_ttl", "30m"));
        asRoot(server).post("/v1/auth/approle/role/" + name + "/secret-id").then().statusCode(200)
                .body("data.secret_id", notNullValue())
                .body("data.secret_id_accessor", notNullValue())
                .body("data", hasKey("secret_id_ttl"));
        String secretId = newSecretId("approle", name);

        String token = login("approle", roleId, secretId).then().statusCode(200)
                .body("auth.client_token", startsWith("hvs."))
                .body("auth.accessor", notNullValue())
                .body("auth.policies", containsInAnyOrder("approle-reader", "default"))
                .body("auth.token_policies", containsInAnyOrder("approle-reader", "default"))
                .body("auth.lease_duration", equalTo(1800))
                .body("auth.renewable", equalTo(true))
                .body("auth.num_uses", equalTo(0))
                .body("auth.metadata.role_name", equalTo(name))
                .extract().path("auth.client_token");

        as(server, token).get("/v1/secret/data/apps/db").then().statusCode(200).body("data.data.password", equalTo("s3cret"));
        as(server, token).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/apps/db").then().statusCode(403);
        as(server, token).get("/v1/auth/token/lookup-self").then().statusCode(200)
                .body("data.meta.role_name", equalTo(name));
        // The secret ID stays valid for further logins unless its uses are limited.
        login("approle", roleId, secretId).then().statusCode(200);
    }

    @Test
    void badCredentialsAre400() {
        String name = unique("bad");
        String roleId = createRole("approle", name, Map.of("token_policies", List.of("approle-reader")));
        String secretId = newSecretId("approle", name);
        login("approle", roleId, "wrong-secret-id").then().statusCode(400)
                .body("errors", contains("invalid role or secret ID"));
        login("approle", "wrong-role-id", secretId).then().statusCode(400)
                .body("errors", contains("invalid role or secret ID"));

        String otherName = unique("other");
        String otherRoleId = createRole("approle", otherName, Map.of("token_policies", List.of("approle-reader")));
        login("approle", otherRoleId, secretId).then().statusCode(400);

        asRoot(server).delete("/v1/auth/approle/role/" + name).then().statusCode(204);
        login("approle", roleId, secretId).then().statusCode(400);
    }

    @Test
    void secretIdUsesAreLimited() {
        String name = unique("once");
        String roleId = createRole("approle", name, Map.of("token_policies", "approle-reader", "secret_id_num_uses", 1));
        String secretId = newSecretId("approle", name);
        login("approle", roleId, secretId).then().statusCode(200);
        login("approle", roleId, secretId).then().statusCode(400);
    }

    @Test
    void expiredSecretIdIsRefused() {
        String name = unique("short");
        String roleId = createRole("approle", name, Map.of("token_policies", "approle-reader", "secret_id_ttl", "1s"));
        String secretId = newSecretId("approle", name);
        String spare = newSecretId("approle", name);
        CLOCK.advance(Duration.ofMillis(999));
        login("approle", roleId, spare).then().statusCode(200);
        CLOCK.advance(Duration.ofMillis(1));
        login("approle", roleId, secretId).then().statusCode(400);
    }

    @Test
    void tokenNumUsesComeFromTheRole() {
        String name = unique("uses");
        String roleId = createRole("approle", name, Map.of("token_policies", "approle-reader", "token_num_uses", 1));
        String token = login("approle", roleId, newSecretId("approle", name)).then().statusCode(200)
                .body("auth.num_uses", equalTo(1)).extract().path("auth.client_token");
        as(server, token).get("/v1/secret/data/apps/db").then().statusCode(200);
        as(server, token).get("/v1/secret/data/apps/db").then().statusCode(403);
    }

    @Test
    void enablingApproleLikeSetupScriptsAndAtACustomMount() {
        asRoot(server).body(Map.of("type", "approle")).post("/v1/sys/auth/approle").then().statusCode(204);
        asRoot(server).body(Map.of("type", "approle")).post("/v1/sys/auth/ci-approle").then().statusCode(204);
        asRoot(server).get("/v1/sys/auth").then().statusCode(200)
                .body("data.'approle/'.type", equalTo("approle"))
                .body("data.'ci-approle/'.type", equalTo("approle"))
                .body("data.'token/'.type", equalTo("token"));

        String roleId = createRole("ci-approle", "deployer", Map.of("token_policies", "approle-reader"));
        String token = login("ci-approle", roleId, newSecretId("ci-approle", "deployer")).then().statusCode(200)
                .extract().path("auth.client_token");
        as(server, token).get("/v1/secret/data/apps/db").then().statusCode(200);
        // Roles are per mount.
        asRoot(server).get("/v1/auth/approle/role/deployer").then().statusCode(404);

        asRoot(server).delete("/v1/sys/auth/ci-approle").then().statusCode(204);
        as(server, token).get("/v1/secret/data/apps/db").then().statusCode(403);
        asRoot(server).get("/v1/sys/auth").then().body("data", not(hasKey("ci-approle/")));
    }

    @Test
    void roleManagementNeedsPermissions() {
        String token = createToken(server, "approle-reader");
        as(server, token).body(Map.of("token_policies", "root")).post("/v1/auth/approle/role/escalate").then().statusCode(403);
        as(server, token).request("LIST", "/v1/auth/approle/role").then().statusCode(403);
        as(server, token).body(Map.of("type", "approle")).post("/v1/sys/auth/mine").then().statusCode(403);
    }
}
