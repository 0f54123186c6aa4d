package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.createToken;
import static dev.envplane.local.vault.VaultTestSupport.putPolicy;
import static dev.envplane.local.vault.VaultTestSupport.unique;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15: policy paths match as Vault's policy documentation says (exact, {@code *} prefix, {@code +}
 * segment, priority), and parameter constraints and wrapping TTL bounds are enforced, never ignored.
 * Requests go over a raw socket; an allowed request on a route that holds nothing answers 404, a denied one 403.
 */
class PolicyRulesTest {

    private static VaultServer server;

    @BeforeAll
    static void start() {
        server = VaultServer.start(VaultServerConfig.inMemory());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The examples of Vault's "Policies" page: the pattern, a request path, and whether Vault allows it. */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "secret/foo,           secret/foo,                true",
            "secret/foo,           secret/food,               false",
            "secret/foo,           secret/foo/bar,            false",
            "secret/bar/*,         secret/bar/zip,            true",
            "secret/bar/*,         secret/bar/zip/zap,        true",
            "secret/bar/*,         secret/bars/zip,           false",
            "secret/bar/*,         secret/bar,                false",
            "secret/zip-*,         secret/zip-zap,            true",
            "secret/zip-*,         secret/zip-zap/zong,       true",
            "secret/zip-*,         secret/zip/zap,            false",
            "secret/+/teamb,       secret/foo/teamb,          true",
            "secret/+/teamb,       secret/bar/teamb,          true",
            "secret/+/teamb,       secret/foo/bar/teamb,      false",
            "secret/+/+/teamb,     secret/foo/bar/teamb,      true",
            "secret/+/+/teamb,     secret/bar/foo/teamb,      true",
            "secret/+/+/teamb,     secret/foo/teamb,          false",
            "secret/+/+/teamb*,    secret/foo/bar/teamb-x/y,  true",
            "secret/+/+/teamb*,    secret/foo/bar/team,       false",
            "/secret/foo,          secret/foo,                true",
            "secret/foo/,          secret/foo,                false",
            "*,                    anything/at/all,           true"})
    void patternsMatchAsVaultDocumentsThem(String pattern, String path, boolean allowed) {
        String policy = unique("p");
        putPolicy(server, policy, "path \"" + pattern + "\" { capabilities = [\"read\"] }");
        String token = createToken(server, policy);
        assertEquals(allowed ? 404 : 403, RawHttp.get(server, "/v1/" + path, token).status(), pattern + " on " + path);
    }

    /** Matching does not depend on the capability: the same paths match for every operation. */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"read, GET", "create, POST", "delete, DELETE", "patch, PATCH", "list, LIST"})
    void everyCapabilityMatchesTheSamePaths(String capability, String method) {
        String policy = unique("cap");
        putPolicy(server, policy, "path \"secret/+/teamb\" { capabilities = [\"" + capability + "\"] }\n"
                + "path \"secret/zip-*\" { capabilities = [\"" + capability + "\"] }");
        String token = createToken(server, policy);
        Map<String, String> headers = method.equals("PATCH")
                ? Map.of("Content-Type", "application/merge-patch+json") : Map.of();
        for (String allowed : new String[] {"secret/foo/teamb", "secret/zip-zap/zong"}) {
            assertEquals(404, RawHttp.send(server.port(), method, "/v1/" + allowed, token, null, headers).status(),
                    method + " " + allowed);
        }
        for (String denied : new String[] {"secret/foo/bar/teamb", "secret/zip/zap", "secret/foo/teamc"}) {
            assertEquals(403, RawHttp.send(server.port(), method, "/v1/" + denied, token, null, headers).status(),
                    method + " " + denied);
        }
    }

    /** Two rules matching one path: the higher priority one decides, by Vault's documented ordering. */
    @ParameterizedTest(name = "{0} (read) vs {1} (deny) on {2}: {3}")
    @CsvSource({
            // an exact rule beats any wildcard
            "secret/*,              secret/super-secret,   secret/super-secret,  false",
            // the first wildcard later wins: secret/+/teamb over secret/*? same position; no * wins
            "secret/+/teamb,        secret/*,              secret/foo/teamb,     true",
            // same first wildcard, both end in *: fewer + segments wins
            "secret/*,              secret/+/*,            secret/a/b,           true",
            // a later first wildcard wins
            "secret/foo/+/baz,      secret/+/bar/baz,      secret/foo/bar/baz,   true",
            "secret/+/bar/baz,      secret/foo/+/baz,      secret/foo/bar/baz,   false",
            // the longest prefix among globs
            "secret/team/*,         secret/*,              secret/team/x,        true",
            "secret/*,              secret/team/*,         secret/team/x,        false",
            // same wildcard positions and segments: the longer pattern wins
            "secret/+/bar/ba*,      secret/+/bar/b*,       secret/foo/bar/baz,   true"})
    void priorityFollowsVaultsOrdering(String readPattern, String denyPattern, String path, boolean allowed) {
        String policy = unique("prio");
        putPolicy(server, policy, "path \"" + readPattern + "\" { capabilities = [\"read\"] }\n"
                + "path \"" + denyPattern + "\" { capabilities = [\"deny\"] }");
        String token = createToken(server, policy);
        assertEquals(allowed ? 404 : 403, RawHttp.get(server, "/v1/" + path, token).status(),
                readPattern + " vs " + denyPattern + " on " + path);
    }

    @Test
    void listMatchesTheFolderAndTheNameWithoutItsSlash() {
        String policy = unique("list");
        putPolicy(server, policy, """
                path "secret/metadata/apps" { capabilities = ["list"] }
                path "secret/metadata/team*" { capabilities = ["list"] }
                path "secret/metadata/team/*" { capabilities = ["deny"] }
                """);
        String token = createToken(server, policy);
        assertEquals(404, RawHttp.send(server, "LIST", "/v1/secret/metadata/apps", token, null).status());
        // Vault looks up a LIST path without its slash first: "secret/metadata/team" matches "team*".
        assertEquals(404, RawHttp.send(server, "LIST", "/v1/secret/metadata/team/", token, null).status());
        assertEquals(403, RawHttp.send(server, "LIST", "/v1/secret/metadata/team/x/", token, null).status());
        // An exact rule without the slash covers LIST only, not a read of the key.
        assertEquals(403, RawHttp.get(server, "/v1/secret/metadata/apps", token).status());
    }

    @Test
    void allowedParametersLimitNames() {
        String path = unique("allowed");
        putPolicy(server, path, "path \"secret/data/" + path + "\" {\n"
                + "  capabilities = [\"create\", \"update\", \"read\"]\n"
                + "  allowed_parameters = { \"data\" = [] }\n}");
        String token = createToken(server, path);
        String target = "/v1/secret/data/" + path;
        assertEquals(403, RawHttp.send(server, "POST", target, token, "{\"data\":{\"k\":\"v\"},\"options\":{\"cas\":0}}").status());
        asRoot(server).get(target).then().statusCode(404);
        assertEquals(200, RawHttp.send(server, "POST", target, token, "{\"data\":{\"k\":\"v\"}}").status());
        assertEquals(200, RawHttp.get(server, target, token).status());
        // Query parameters of a read are parameters too.
        assertEquals(403, RawHttp.get(server, target + "?version=1", token).status());
    }

    @Test
    void allowedParameterValuesMatchWithGlobs() {
        String name = unique("values");
        putPolicy(server, name, """
                path "sys/policies/acl/%s-*" {
                  capabilities = ["create", "update"]
                  allowed_parameters = { "policy" = ["path \\"secret/data/%s/*"] }
                }
                """.formatted(name, name));
        String token = createToken(server, name);
        String target = "/v1/sys/policies/acl/" + name + "-child";
        assertEquals(403, RawHttp.send(server, "PUT", target, token,
                "{\"policy\":\"path \\\"secret/data/other/*\\\" { capabilities = [\\\"read\\\"] }\"}").status());
        assertEquals(204, RawHttp.send(server, "PUT", target, token,
                "{\"policy\":\"path \\\"secret/data/" + name + "/*\\\" { capabilities = [\\\"read\\\"] }\"}").status());
    }

    @Test
    void deniedParametersWinOverAllowedOnesAndGlobsMatch() {
        String name = unique("denied");
        putPolicy(server, name, """
                path "sys/policies/acl/%s-*" {
                  capabilities = ["create", "update"]
                  allowed_parameters = { "policy" = [] }
                  denied_parameters = { "policy" = ["*sudo*", "*sys/*"] }
                }
                """.formatted(name));
        String token = createToken(server, name);
        String target = "/v1/sys/policies/acl/" + name + "-child";
        assertEquals(403, RawHttp.send(server, "PUT", target, token,
                "{\"policy\":\"path \\\"sys/*\\\" { capabilities = [\\\"read\\\"] }\"}").status());
        assertEquals(403, RawHttp.send(server, "PUT", target, token,
                "{\"policy\":\"path \\\"a\\\" { capabilities = [\\\"sudo\\\"] }\"}").status());
        assertEquals(204, RawHttp.send(server, "PUT", target, token,
                "{\"policy\":\"path \\\"secret/data/a\\\" { capabilities = [\\\"read\\\"] }\"}").status());
    }

    @Test
    void deniedStarRefusesAnyParameterButNotAnEmptyRequest() {
        String path = unique("nothing");
        putPolicy(server, path, "path \"secret/data/" + path + "\" {\n"
                + "  capabilities = [\"read\", \"create\"]\n  denied_parameters = { \"*\" = [] }\n}");
        String token = createToken(server, path);
        assertEquals(403, RawHttp.send(server, "POST", "/v1/secret/data/" + path, token, "{\"data\":{\"k\":\"v\"}}").status());
        assertEquals(404, RawHttp.get(server, "/v1/secret/data/" + path, token).status());
    }

    @Test
    void requiredParametersMustBePresent() {
        String path = unique("required");
        putPolicy(server, path, "path \"secret/data/" + path + "\" {\n"
                + "  capabilities = [\"create\", \"update\"]\n  required_parameters = [\"options\"]\n}");
        String token = createToken(server, path);
        String target = "/v1/secret/data/" + path;
        assertEquals(403, RawHttp.send(server, "POST", target, token, "{\"data\":{\"k\":\"v\"}}").status());
        assertEquals(200, RawHttp.send(server, "POST", target, token, "{\"data\":{\"k\":\"v\"},\"options\":{}}").status());
    }

    @Test
    void wrappingTtlBoundsDenyUnwrappedRequests() {
        String path = unique("wrapped");
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path).then().statusCode(200);
        putPolicy(server, path, "path \"secret/data/" + path + "\" {\n"
                + "  capabilities = [\"read\"]\n  min_wrapping_ttl = \"1m\"\n  max_wrapping_ttl = 3600\n}");
        String token = createToken(server, path);
        // Vault: with a wrapping bound, a request that is not wrapped is denied.
        assertEquals(403, RawHttp.get(server, "/v1/secret/data/" + path, token).status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "path \"a\" { capabilities = [\"read\"] capabilites = [\"read\"] }|invalid key \"capabilites\"",
            "path \"a\" { capabilities = [\"banana\"] }|path \"a\": invalid capability \"banana\"",
            "path \"a/+*\" { capabilities = [\"read\"] }|invalid use of wildcards ('+*' is forbidden)",
            "path \"a\" { policy = \"read\" min_wrapping_ttl = 400 max_wrapping_ttl = 200 }|max_wrapping_ttl cannot be less than min_wrapping_ttl",
            "path \"a\" { capabilities = [\"read\"] min_wrapping_ttl = \"soon\" }|error parsing min_wrapping_ttl",
            "path \"a\" { capabilities = [\"read\"] mfa_methods = [\"totp\"] }|not supported by this server",
            "path \"a\" { capabilities = [\"read\"] control_group = { max_ttl = \"1h\" } }|not supported by this server",
            "bad = \"foo\"|invalid key \"bad\""})
    void policiesUsingWhatThisServerCannotEnforceAreRefused(String policy, String message) {
        asRoot(server).body(Map.of("policy", policy)).put("/v1/sys/policies/acl/" + unique("bad"))
                .then().statusCode(400).body("errors[0]", containsString(message));
    }
}
