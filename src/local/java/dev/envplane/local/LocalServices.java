package dev.envplane.local;

import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.envplane.local.vault.VaultServer;
import dev.envplane.local.vault.VaultServerConfig;

/**
 * The local default's backing services: PostgreSQL and the Vault-compatible server, with their data under
 * {@code .local/}. {@code ./mvnw -Plocal} runs this inside the Maven JVM before Quarkus dev mode, so both stop
 * with Maven. {@code --wait} keeps a standalone JVM alive until its standard input closes (scripts).
 *
 * <p>Options: {@code --pg-port N} (5433), {@code --vault-port N} (8200), {@code --data-dir DIR} (.local),
 * {@code --vault-token T} (root), {@code --wait}.
 */
public final class LocalServices {

    public static final String DEV_ROOT_TOKEN = "root";
    /** The token the application uses locally: bound to the same policy as in production. */
    public static final String SERVICE_TOKEN = "envplane-local";
    private static final Path POLICY = Path.of("deploy", "vault", "envplane-policy.hcl");

    private LocalServices() {
    }

    /** Installs deploy/vault/envplane-policy.hcl and a token with it (both idempotent, both survive restarts). */
    private static void grantServiceToken(VaultServer vault) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String policy = Files.readString(POLICY).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        send(http, vault, "PUT", "sys/policies/acl/envplane", "{\"policy\": \"" + policy + "\"}");
        HttpResponse<String> lookup = send(http, vault, "POST", "auth/token/lookup", "{\"token\": \"" + SERVICE_TOKEN + "\"}");
        if (lookup.statusCode() != 200) {
            send(http, vault, "POST", "auth/token/create", "{\"id\": \"" + SERVICE_TOKEN
                    + "\", \"policies\": [\"envplane\"], \"no_parent\": true, \"ttl\": \"8760h\"}");
        }
    }

    private static HttpResponse<String> send(HttpClient http, VaultServer vault, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(vault.url() + "/v1/" + path)).header("X-Vault-Token", vault.rootToken())
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static void main(String[] args) throws Exception {
        if (LocalServices.class.getClassLoader() instanceof URLClassLoader execLoader) {
            // exec:java closes its class loader when main returns, but these services outlive main and load
            // classes lazily: they run in a loader of their own, which nobody closes.
            URLClassLoader own = new URLClassLoader(execLoader.getURLs(), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(own);
            own.loadClass(LocalServices.class.getName()).getMethod("run", String[].class).invoke(null, (Object) args);
            return;
        }
        run(args);
    }

    /** Starts both services with {@link #main}'s options. */
    public static void run(String[] args) throws Exception {
        int pgPort = 5433;
        int vaultPort = 8200;
        Path dataDir = Path.of(".local");
        String vaultToken = DEV_ROOT_TOKEN;
        boolean wait = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pg-port" -> pgPort = Integer.parseInt(args[++i]);
                case "--vault-port" -> vaultPort = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--vault-token" -> vaultToken = args[++i];
                case "--wait" -> wait = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        LocalDatabase database = LocalDatabase.start(pgPort, dataDir.resolve("postgres").toAbsolutePath());
        VaultServer vault = VaultServer.start(new VaultServerConfig(vaultPort, dataDir.resolve("vault").toAbsolutePath(), vaultToken, "secret"));
        grantServiceToken(vault);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vault.close();
            database.close();
        }, "local-services-shutdown"));

        System.out.println("postgres.reactive-url=" + database.reactiveUrl());
        System.out.println("postgres.jdbc-url=" + database.jdbcUrl());
        System.out.println("postgres.user=" + LocalDatabase.USER);
        System.out.println("vault.url=" + vault.url());
        System.out.println("vault.root-token=" + vault.rootToken());
        System.out.println("vault.service-token=" + SERVICE_TOKEN + " (policy envplane)");
        System.out.println("vault.unseal-key=" + vault.unsealKey());
        System.out.println("ready");
        System.out.flush();
        if (wait) {
            while (System.in.read() != -1) {
                // stdin open: keep serving
            }
            System.exit(0);
        }
    }
}
