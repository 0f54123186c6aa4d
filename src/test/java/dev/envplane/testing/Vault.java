package dev.envplane.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Looks into the Vault-compatible server with its root token, as an operator would with curl. */
public final class Vault {

    private Vault() {
    }

    public static Response get(String apiPath) {
        return given().header("X-Vault-Token", LocalServicesResource.vault().rootToken())
                .get(LocalServicesResource.vault().url() + "/v1/" + apiPath);
    }

    /** The latest data at a KV v2 path under the secret mount, e.g. "envplane/connections/<id>". */
    public static JsonPath latest(String path) {
        Response response = get("secret/data/" + path);
        response.then().statusCode(200);
        return response.jsonPath();
    }

    public static JsonPath version(String path, int version) {
        Response response = get("secret/data/" + path + "?version=" + version);
        response.then().statusCode(200);
        return response.jsonPath();
    }

    public static int metadataStatus(String path) {
        return get("secret/metadata/" + path).statusCode();
    }

    /** Adds a deny rule for {@code path} to the service's own policy: Vault answers the service 403 there, and only there. */
    public static void denyToTheService(String path) {
        writeServicePolicy(servicePolicy() + "\npath \"" + path + "\" {\n  capabilities = [\"deny\"]\n}\n");
    }

    /** Replaces the service's policy with the one operators install plus {@code extraRules}. */
    public static void extendServicePolicy(String extraRules) {
        writeServicePolicy(servicePolicy() + "\n" + extraRules);
    }

    /** Puts the service's policy back as deploy/vault/envplane-policy.hcl has it. */
    public static void restoreServicePolicy() {
        writeServicePolicy(servicePolicy());
    }

    private static String servicePolicy() {
        try {
            return Files.readString(Path.of("deploy", "vault", "envplane-policy.hcl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeServicePolicy(String policy) {
        given().header("X-Vault-Token", LocalServicesResource.vault().rootToken()).contentType("application/json")
                .body(Map.of("policy", policy)).put(LocalServicesResource.vault().url() + "/v1/sys/policies/acl/envplane")
                .then().statusCode(204);
    }

    public static String connectionPath(String connectionId) {
        return "envplane/connections/" + connectionId;
    }

    public static String credentialsPath(String projectId, String environmentId) {
        return "envplane/projects/" + projectId + "/environments/" + environmentId + "/credentials";
    }
}
