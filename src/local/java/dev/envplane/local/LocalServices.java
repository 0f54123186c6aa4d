package dev.envplane.local;

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

    private LocalServices() {
    }

    public static void main(String[] args) throws Exception {
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vault.close();
            database.close();
        }, "local-services-shutdown"));

        System.out.println("postgres.reactive-url=" + database.reactiveUrl());
        System.out.println("postgres.jdbc-url=" + database.jdbcUrl());
        System.out.println("postgres.user=" + LocalDatabase.USER);
        System.out.println("vault.url=" + vault.url());
        System.out.println("vault.root-token=" + vault.rootToken());
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
