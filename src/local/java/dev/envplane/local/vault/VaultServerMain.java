package dev.envplane.local.vault;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Vault-compatible server like {@code vault server -dev}: 127.0.0.1:8200, state encrypted in
 * .local/vault, until the process is killed. Options: --port=N, --data-dir=PATH, --in-memory,
 * --root-token=TOKEN, --kv-mount=PATH.
 */
public final class VaultServerMain {

    private VaultServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8200;
        Path dataDirectory = Path.of(".local", "vault");
        String rootToken = null;
        String kvMount = VaultServerConfig.DEFAULT_KV_MOUNT;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--data-dir=")) {
                dataDirectory = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--in-memory")) {
                dataDirectory = null;
            } else if (arg.startsWith("--root-token=")) {
                rootToken = arg.substring("--root-token=".length());
            } else if (arg.startsWith("--kv-mount=")) {
                kvMount = arg.substring("--kv-mount=".length());
            } else {
                System.err.println("unknown option " + arg
                        + " (known: --port=N --data-dir=PATH --in-memory --root-token=TOKEN --kv-mount=PATH)");
                System.exit(2);
            }
        }
        VaultServer server = VaultServer.start(new VaultServerConfig(port, dataDirectory, rootToken, kvMount));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "vault-shutdown"));
        System.out.println(banner(server, dataDirectory));
        new CountDownLatch(1).await();
    }

    static String banner(VaultServer server, Path dataDirectory) {
        return """
                ==> Vault server configuration:

                             Api Address: %1$s
                                Listener: tcp (addr: "127.0.0.1:%2$d", tls: "disabled")
                                 Storage: %3$s
                                 Version: Vault v%4$s

                ==> Vault server started! Log data will stream in below:

                WARNING! dev mode is enabled! In this mode, Vault runs entirely on this machine,
                with an envplane-local server, and is not suitable for production.

                You may need to set the following environment variables:

                    $ export VAULT_ADDR='%1$s'

                The unseal key and root token are displayed below in case you want to
                seal/unseal the Vault or re-authenticate.

                Unseal Key: %5$s
                Root Token: %6$s

                Development mode should NOT be used in production installations!
                """.formatted(server.url(), server.port(),
                dataDirectory == null ? "inmem" : "file (encrypted, " + dataDirectory.toAbsolutePath() + ")",
                SystemEndpoints.VERSION, server.unsealKey(), server.rootToken());
    }
}
