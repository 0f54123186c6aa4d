package dev.envplane.local.vault;

import static dev.envplane.local.vault.VaultTestSupport.asRoot;
import static dev.envplane.local.vault.VaultTestSupport.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The KV v2 engine over HTTP: versions, check-and-set, patch, deletes, metadata and listing. */
class KvV2Test {

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

    private static void write(String path, Map<String, ?> data) {
        asRoot(server).body(Map.of("data", data)).post("/v1/secret/data/" + path).then().statusCode(200);
    }

    @Test
    void writeAnswersVersionMetadataInVaultEnvelope() {
        String path = unique("envelope");
        asRoot(server).body(Map.of("data", Map.of("password", "p1")))
                .post("/v1/secret/data/" + path)
                .then().statusCode(200)
                .body("request_id", notNullValue())
                .body("lease_id", equalTo(""))
                .body("renewable", equalTo(false))
                .body("lease_duration", equalTo(0))
                .body("wrap_info", nullValue())
                .body("warnings", nullValue())
                .body("auth", nullValue())
                .body("data.version", equalTo(1))
                .body("data.created_time", not(emptyString()))
                .body("data.deletion_time", equalTo(""))
                .body("data.destroyed", equalTo(false))
                .body("data", hasKey("custom_metadata"));
    }

    @Test
    void readsLatestAndSpecificVersions() {
        String path = unique("versions");
        write(path, Map.of("password", "first", "port", 5432, "nested", Map.of("a", true)));
        asRoot(server).body(Map.of("data", Map.of("password", "second"))).put("/v1/secret/data/" + path)
                .then().statusCode(200).body("data.version", equalTo(2));

        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(200)
                .body("data.data.password", equalTo("second"))
                .body("data.data", not(hasKey("port")))
                .body("data.metadata.version", equalTo(2))
                .body("data.metadata.deletion_time", equalTo(""))
                .body("data.metadata.destroyed", equalTo(false));
        asRoot(server).get("/v1/secret/data/" + path + "?version=1").then().statusCode(200)
                .body("data.data.password", equalTo("first"))
                .body("data.data.port", equalTo(5432))
                .body("data.data.nested.a", equalTo(true))
                .body("data.metadata.version", equalTo(1));
        asRoot(server).get("/v1/secret/data/" + path + "?version=7").then().statusCode(404)
                .body("errors", equalTo(List.of()));
    }

    @Test
    void missingSecretIs404WithEmptyErrors() {
        asRoot(server).get("/v1/secret/data/" + unique("missing")).then().statusCode(404)
                .body("errors", equalTo(List.of()))
                .body("$", not(hasKey("data")));
    }

    @Test
    void casZeroOnlyCreates() {
        String path = unique("cas-zero");
        asRoot(server).body(Map.of("options", Map.of("cas", 0), "data", Map.of("k", "v")))
                .post("/v1/secret/data/" + path).then().statusCode(200).body("data.version", equalTo(1));
        asRoot(server).body(Map.of("options", Map.of("cas", 0), "data", Map.of("k", "other")))
                .post("/v1/secret/data/" + path).then().statusCode(400)
                .body("errors", contains("check-and-set parameter did not match the current version"));
        asRoot(server).get("/v1/secret/data/" + path).then().body("data.data.k", equalTo("v"));
    }

    @Test
    void casMustMatchTheCurrentVersion() {
        String path = unique("cas-match");
        write(path, Map.of("k", "1"));
        asRoot(server).body(Map.of("options", Map.of("cas", 5), "data", Map.of("k", "2")))
                .post("/v1/secret/data/" + path).then().statusCode(400)
                .body("errors", contains("check-and-set parameter did not match the current version"));
        asRoot(server).body(Map.of("options", Map.of("cas", 1), "data", Map.of("k", "2")))
                .post("/v1/secret/data/" + path).then().statusCode(200).body("data.version", equalTo(2));
    }

    @Test
    void casRequiredOnMetadataMakesCasMandatory() {
        String path = unique("cas-required");
        asRoot(server).body(Map.of("cas_required", true)).post("/v1/secret/metadata/" + path).then().statusCode(204);
        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/secret/data/" + path).then().statusCode(400)
                .body("errors", contains("check-and-set parameter required for this call"));
        asRoot(server).body(Map.of("options", Map.of("cas", 0), "data", Map.of("k", "v")))
                .post("/v1/secret/data/" + path).then().statusCode(200);
    }

    @Test
    void mountWideCasRequiredOnAnotherKvMount() {
        String mount = unique("team");
        asRoot(server).body(Map.of("type", "kv", "options", Map.of("version", "2")))
                .post("/v1/sys/mounts/" + mount).then().statusCode(204);
        asRoot(server).get("/v1/sys/mounts").then().statusCode(200)
                .body("data.'" + mount + "/'.type", equalTo("kv"))
                .body("data.'" + mount + "/'.options.version", equalTo("2"));
        asRoot(server).body(Map.of("cas_required", true, "max_versions", 3)).post("/v1/" + mount + "/config")
                .then().statusCode(204);
        asRoot(server).get("/v1/" + mount + "/config").then().statusCode(200)
                .body("data.cas_required", equalTo(true)).body("data.max_versions", equalTo(3));

        asRoot(server).body(Map.of("data", Map.of("k", "v"))).post("/v1/" + mount + "/data/app").then().statusCode(400)
                .body("errors", contains("check-and-set parameter required for this call"));
        asRoot(server).body(Map.of("options", Map.of("cas", 0), "data", Map.of("k", "v")))
                .post("/v1/" + mount + "/data/app").then().statusCode(200);
        // The default mount is unaffected.
        write(unique("no-cas"), Map.of("k", "v"));
    }

    @Test
    void patchMergesIntoANewVersion() {
        String path = unique("patch");
        write(path, Map.of("user", "app", "password", "old", "drop", "me"));
        asRoot(server).contentType("application/merge-patch+json")
                .body("{\"data\":{\"password\":\"new\",\"drop\":null,\"added\":\"yes\"}}")
                .patch("/v1/secret/data/" + path)
                .then().statusCode(200).body("data.version", equalTo(2));
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(200)
                .body("data.data", equalTo(Map.of("user", "app", "password", "new", "added", "yes")));
    }

    @Test
    void patchNeedsALiveLatestVersionAndTheMergePatchContentType() {
        String path = unique("patch-missing");
        asRoot(server).contentType("application/merge-patch+json").body("{\"data\":{\"a\":\"b\"}}")
                .patch("/v1/secret/data/" + path).then().statusCode(404);
        write(path, Map.of("a", "1"));
        asRoot(server).body("{\"data\":{\"a\":\"b\"}}").patch("/v1/secret/data/" + path).then().statusCode(415);
        asRoot(server).delete("/v1/secret/data/" + path).then().statusCode(204);
        asRoot(server).contentType("application/merge-patch+json").body("{\"data\":{\"a\":\"b\"}}")
                .patch("/v1/secret/data/" + path).then().statusCode(404);
    }

    @Test
    void softDeleteHidesTheVersionUntilUndeleted() {
        String path = unique("soft");
        write(path, Map.of("k", "v1"));
        write(path, Map.of("k", "v2"));
        asRoot(server).delete("/v1/secret/data/" + path).then().statusCode(204);

        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(404)
                .body("data.data", nullValue())
                .body("data", hasKey("data"))
                .body("data.metadata.version", equalTo(2))
                .body("data.metadata.deletion_time", not(emptyString()))
                .body("data.metadata.destroyed", equalTo(false));
        asRoot(server).get("/v1/secret/data/" + path + "?version=1").then().statusCode(200)
                .body("data.data.k", equalTo("v1"));

        asRoot(server).body(Map.of("versions", List.of(2))).post("/v1/secret/undelete/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(200).body("data.data.k", equalTo("v2"));
    }

    @Test
    void deleteSpecificVersions() {
        String path = unique("delete-versions");
        write(path, Map.of("k", "v1"));
        write(path, Map.of("k", "v2"));
        asRoot(server).body(Map.of("versions", List.of(1))).post("/v1/secret/delete/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/data/" + path + "?version=1").then().statusCode(404)
                .body("data.metadata.deletion_time", not(emptyString()));
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(200).body("data.data.k", equalTo("v2"));
        asRoot(server).body(Map.of()).post("/v1/secret/delete/" + path).then().statusCode(400);
    }

    @Test
    void destroyIsPermanent() {
        String path = unique("destroy");
        write(path, Map.of("k", "v1"));
        write(path, Map.of("k", "v2"));
        asRoot(server).body(Map.of("versions", List.of(1))).put("/v1/secret/destroy/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/data/" + path + "?version=1").then().statusCode(404)
                .body("data.data", nullValue())
                .body("data.metadata.destroyed", equalTo(true));
        asRoot(server).body(Map.of("versions", List.of(1))).post("/v1/secret/undelete/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/data/" + path + "?version=1").then().statusCode(404);
        asRoot(server).get("/v1/secret/metadata/" + path).then().statusCode(200)
                .body("data.versions.'1'.destroyed", equalTo(true))
                .body("data.versions.'2'.destroyed", equalTo(false));
    }

    @Test
    void metadataReadWritePatchAndDelete() {
        String path = unique("meta");
        write(path, Map.of("k", "v"));
        asRoot(server).body(Map.of("max_versions", 5, "delete_version_after", "1h",
                        "custom_metadata", Map.of("owner", "team-a", "env", "dev")))
                .post("/v1/secret/metadata/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/metadata/" + path).then().statusCode(200)
                .body("data.current_version", equalTo(1))
                .body("data.oldest_version", equalTo(0))
                .body("data.max_versions", equalTo(5))
                .body("data.cas_required", equalTo(false))
                .body("data.delete_version_after", equalTo("1h0m0s"))
                .body("data.custom_metadata", equalTo(Map.of("owner", "team-a", "env", "dev")))
                .body("data.created_time", not(emptyString()))
                .body("data.updated_time", not(emptyString()))
                .body("data.versions.'1'.deletion_time", equalTo(""))
                .body("data.versions.'1'.destroyed", equalTo(false));

        asRoot(server).contentType("application/merge-patch+json")
                .body("{\"custom_metadata\":{\"env\":null,\"tier\":\"gold\"}}")
                .patch("/v1/secret/metadata/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/metadata/" + path).then()
                .body("data.custom_metadata", equalTo(Map.of("owner", "team-a", "tier", "gold")))
                .body("data.max_versions", equalTo(5));
        // Custom metadata shows up in the read response's version metadata too.
        asRoot(server).get("/v1/secret/data/" + path).then().body("data.metadata.custom_metadata.tier", equalTo("gold"));

        asRoot(server).delete("/v1/secret/metadata/" + path).then().statusCode(204);
        asRoot(server).get("/v1/secret/metadata/" + path).then().statusCode(404).body("errors", equalTo(List.of()));
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(404);
    }

    @Test
    void maxVersionsPrunesTheOldest() {
        String path = unique("prune");
        asRoot(server).body(Map.of("max_versions", 2)).post("/v1/secret/metadata/" + path).then().statusCode(204);
        for (int i = 1; i <= 4; i++) {
            write(path, Map.of("k", "v" + i));
        }
        asRoot(server).get("/v1/secret/metadata/" + path).then().statusCode(200)
                .body("data.current_version", equalTo(4))
                .body("data.oldest_version", equalTo(3))
                .body("data.versions.keySet()", equalTo(java.util.Set.of("3", "4")));
        asRoot(server).get("/v1/secret/data/" + path + "?version=1").then().statusCode(404);
        asRoot(server).get("/v1/secret/data/" + path + "?version=3").then().statusCode(200)
                .body("data.data.k", equalTo("v3"));
    }

    @Test
    void defaultKeepsTenVersions() {
        String path = unique("ten");
        for (int i = 1; i <= 11; i++) {
            write(path, Map.of("k", "v" + i));
        }
        asRoot(server).get("/v1/secret/metadata/" + path).then()
                .body("data.current_version", equalTo(11))
                .body("data.oldest_version", equalTo(2))
                .body("data.versions", not(hasKey("1")));
    }

    @Test
    void deleteVersionAfterExpiresVersions() {
        String path = unique("expiring");
        asRoot(server).body(Map.of("delete_version_after", "1s")).post("/v1/secret/metadata/" + path).then().statusCode(204);
        write(path, Map.of("k", "v"));
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(200)
                .body("data.metadata.deletion_time", not(emptyString()));
        CLOCK.advance(Duration.ofMillis(999));
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(200).body("data.data.k", equalTo("v"));
        CLOCK.advance(Duration.ofMillis(1));
        asRoot(server).get("/v1/secret/data/" + path).then().statusCode(404).body("data.data", nullValue());
    }

    @Test
    void listShowsChildrenAndFolders() {
        String folder = unique("list");
        write(folder + "/one", Map.of("k", "v"));
        write(folder + "/two", Map.of("k", "v"));
        write(folder + "/nested/three", Map.of("k", "v"));
        List<String> expected = List.of("nested/", "one", "two");

        asRoot(server).request("LIST", "/v1/secret/metadata/" + folder).then().statusCode(200)
                .body("data.keys", equalTo(expected));
        asRoot(server).request("LIST", "/v1/secret/metadata/" + folder + "/").then().statusCode(200)
                .body("data.keys", equalTo(expected));
        asRoot(server).get("/v1/secret/metadata/" + folder + "?list=true").then().statusCode(200)
                .body("data.keys", equalTo(expected));
        asRoot(server).request("LIST", "/v1/secret/metadata/" + folder + "/nested").then().statusCode(200)
                .body("data.keys", equalTo(List.of("three")));
        asRoot(server).request("LIST", "/v1/secret/metadata").then().statusCode(200)
                .body("data.keys", org.hamcrest.Matchers.hasItem(folder + "/"));
    }

    @Test
    void listOfNothingIs404WithEmptyErrors() {
        asRoot(server).request("LIST", "/v1/secret/metadata/" + unique("empty")).then().statusCode(404)
                .body("errors", equalTo(List.of()));
        String path = unique("gone");
        write(path + "/only", Map.of("k", "v"));
        asRoot(server).delete("/v1/secret/metadata/" + path + "/only").then().statusCode(204);
        asRoot(server).request("LIST", "/v1/secret/metadata/" + path).then().statusCode(404);
    }

    @Test
    void writeWithoutDataIsRefused() {
        asRoot(server).body(Map.of("k", "v")).post("/v1/secret/data/" + unique("no-data")).then().statusCode(400)
                .body("errors[0]", containsString("no data provided"));
    }

    @Test
    void concurrentWritesLoseNothing() throws Exception {
        String path = unique("concurrent");
        int threads = 8;
        int writesPerThread = 15;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            // every writer starts at once, so the writes to the shared path really compete
            var start = new java.util.concurrent.CyclicBarrier(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    for (int i = 0; i < writesPerThread; i++) {
                        write(path + "/t" + thread, Map.of("i", i));
                        write(path + "/shared", Map.of("thread", thread, "i", i));
                    }
                    return null;
                }));
            }
            for (var future : futures) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        asRoot(server).get("/v1/secret/metadata/" + path + "/shared").then()
                .body("data.current_version", equalTo(threads * writesPerThread));
        asRoot(server).request("LIST", "/v1/secret/metadata/" + path).then()
                .body("data.keys.size()", equalTo(threads + 1));
    }

    @Test
    void subkeysShowTheShapeWithoutValues() {
        String path = unique("subkeys");
        write(path, Map.of("user", "app", "tls", Map.of("cert", "c", "key", "k")));
        asRoot(server).get("/v1/secret/subkeys/" + path).then().statusCode(200)
                .body("data.subkeys", hasKey("user"))
                .body("data.subkeys.user", nullValue())
                .body("data.subkeys.tls.cert", nullValue())
                .body("data.subkeys", hasKey("tls"))
                .body("data.metadata.version", equalTo(1))
                .body(not(containsString("\"app\"")));
    }
}
