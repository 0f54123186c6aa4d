package dev.envplane.local;

import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import dev.envplane.local.vault.VaultServer;
import dev.envplane.local.vault.VaultServerConfig;

/**
 * The backing services of the local default and of the tests: PostgreSQL and the Vault-compatible server, with
 * a service token bound to {@code deploy/vault/envplane-policy.hcl}, the policy operators install. The one way
 * both start them: {@link #startPersistent} (the local default, data under {@code .local/}) and
 * {@link #startTemporary} (tests: free ports, nothing kept).
 *
 * <p>{@code ./mvnw -Plocal} runs {@link #main} inside the Maven JVM before Quarkus dev mode, so both stop with Maven.
 * Options: {@code --pg-port N} (5433), {@code --vault-port N} (8200), {@code --data-dir DIR} (.local),
 * {@code --vault-token T} (root), {@code --wait} (keep a standalone JVM alive until its standard input closes).
 */
public final class LocalServices implements AutoCloseable {

    public static final String DEV_ROOT_TOKEN = "root";
    /** The token the application uses locally: bound to the same policy as in production. */
    public static final String SERVICE_TOKEN = "envplane-local";
    private static final Path POLICY = Path.of("deploy", "vault", "envplane-policy.hcl");

    private final LocalDatabase database;
    private final VaultServer vault;
    private final String serviceToken;

    private LocalServices(LocalDatabase database, VaultServer vault, String serviceToken) {
        this.database = database;
        this.vault = vault;
        this.serviceToken = serviceToken;
    }

    /** Throwaway services on free 127.0.0.1 ports: an in-memory Vault, a database deleted on close. */
    public static LocalServices startTemporary(Path postgresLog) {
        return startTemporary(postgresLog, Clock.systemUTC());
    }

    /** The same, with Vault reading every TTL and timestamp from {@code vaultClock} (tests move it forward). */
    public static LocalServices startTemporary(Path postgresLog, Clock vaultClock) {
        LocalDatabase database = LocalDatabase.startTemporary(postgresLog);
        return withVault(database, VaultServerConfig.inMemory().withClock(vaultClock), UUID.randomUUID().toString());
    }

    /**
     * The local default's services: data in {@code dataDir}/postgres and {@code dataDir}/vault survives restarts
     * and crashes (see {@link LocalDatabase#startDurable}); PostgreSQL logs to {@code dataDir}/postgres.log.
     * Ports 0 pick free ones; the service token is {@value #SERVICE_TOKEN}.
     */
    public static LocalServices startPersistent(int pgPort, int vaultPort, Path dataDir, String rootToken) {
        Path dir = dataDir.toAbsolutePath();
        LocalDatabase database = LocalDatabase.startDurable(pgPort, dir.resolve("postgres"), dir.resolve("postgres.log"));
        return withVault(database, new VaultServerConfig(vaultPort, dir.resolve("vault"), rootToken, "secret"), SERVICE_TOKEN);
    }

    private static LocalServices withVault(LocalDatabase database, VaultServerConfig vaultConfig, String serviceToken) {
        VaultServer vault = null;
        try {
            vault = VaultServer.start(vaultConfig);
            grantServiceToken(vault, serviceToken);
            return new LocalServices(database, vault, serviceToken);
        } catch (Exception e) {
            if (vault != null) {
                vault.close();
            }
            database.close();
            throw new IllegalStateException("Could not start the local Vault-compatible server", e);
        }
    }

    public LocalDatabase database() {
        return database;
    }

    public VaultServer vault() {
        return vault;
    }

    /** A token bound to the envplane policy, for the application. */
    public String serviceToken() {
        return serviceToken;
    }

    @Override
    public void close() {
        vault.close();
        database.close();
    }

    /** Installs the envplane policy and a token {@code id} with it (both idempotent, both survive restarts). */
    private static void grantServiceToken(VaultServer vault, String id) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String policy = Files.readString(POLICY).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        expect(200, 204, send(http, vault, "PUT", "sys/policies/acl/envplane", "{\"policy\": \"" + policy + "\"}"));
        HttpResponse<String> lookup = send(http, vault, "POST", "auth/token/lookup", "{\"token\": \"" + id + "\"}");
        if (lookup.statusCode() != 200) {
            expect(200, 200, send(http, vault, "POST", "auth/token/create", "{\"id\": \"" + id
                    + "\", \"policies\": [\"envplane\"], \"no_parent\": true, \"ttl\": \"8760h\"}"));
        }
    }

    private static void expect(int ok, int alsoOk, HttpResponse<String> response) {
        if (response.statusCode() != ok && response.statusCode() != alsoOk) {
            throw new IllegalStateException("Vault answered " + response.statusCode() + " to " + response.request().uri().getPath());
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
        LocalServices services = startPersistent(pgPort, vaultPort, dataDir, vaultToken);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "local-services-shutdown"));
        LocalDatabase database = services.database();
        VaultServer vault = services.vault();
        System.out.println("postgres.reactive-url=" + database.reactiveUrl());
        System.out.println("postgres.jdbc-url=" + database.jdbcUrl());
        System.out.println("postgres.user=" + LocalDatabase.USER);
        System.out.println("postgres.log=" + dataDir.resolve("postgres.log"));
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
