package dev.envplane.local.vault;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request helpers for tests that drive a {@link VaultServer} over HTTP the way a Vault client does. */
final class VaultTestSupport {

    private VaultTestSupport() {
    }

    /** A request carrying {@code token} in X-Vault-Token. */
    static RequestSpecification as(VaultServer server, String token) {
        return anonymous(server).header("X-Vault-Token", token);
    }

    static RequestSpecification asRoot(VaultServer server) {
        return as(server, server.rootToken());
    }

    /** Connect and read timeouts on every call: a deadlocked server fails the test instead of hanging the build. */
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 10_000)
                    .setParam("http.socket.timeout", 10_000));

    static RequestSpecification anonymous(VaultServer server) {
        return given().config(TIMEOUTS).baseUri(server.url()).contentType(ContentType.JSON);
    }

    static void putPolicy(VaultServer server, String name, String text) {
        asRoot(server).body(Map.of("policy", text)).put("/v1/sys/policies/acl/" + name).then().statusCode(204);
    }

    /** Creates a token with the given policies (and "default") and returns it. */
    static String createToken(VaultServer server, String... policies) {
        return asRoot(server).body(Map.of("policies", List.of(policies)))
                .post("/v1/auth/token/create")
                .then().statusCode(200)
                .extract().path("auth.client_token");
    }

    /** A path segment no other test uses, so tests sharing one server stay independent. */
    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
