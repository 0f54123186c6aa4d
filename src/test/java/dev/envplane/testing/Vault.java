package dev.envplane.testing;

import static io.restassured.RestAssured.given;

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

    public static String credentialsPath(String projectId, String environmentId) {
        return "envplane/projects/" + projectId + "/environments/" + environmentId + "/credentials";
    }
}
