package dev.envplane.local.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** Starting and stopping: ports, daemon threads (for exec:java), the dev-mode banner. */
class VaultServerLifecycleTest {

    @Test
    void startsOnARandomLoopbackPortWithARandomRootToken() {
        try (VaultServer first = VaultServer.start(VaultServerConfig.inMemory());
             VaultServer second = VaultServer.start(VaultServerConfig.inMemory())) {
            assertNotEquals(first.port(), second.port());
            assertEquals("http://127.0.0.1:" + first.port(), first.url());
            assertTrue(first.rootToken().startsWith("hvs."));
            assertNotEquals(first.rootToken(), second.rootToken());
            assertNotEquals(first.unsealKey(), second.unsealKey());
        }
    }

    @Test
    void httpThreadsAreDaemons() {
        try (VaultServer server = VaultServer.start(VaultServerConfig.inMemory())) {
            VaultTestSupport.asRoot(server).get("/v1/sys/health").then().statusCode(200);
            var threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("HTTP-Dispatcher") || thread.getName().startsWith("vault-http-"))
                    .toList();
            assertTrue(!threads.isEmpty());
            threads.forEach(thread -> assertTrue(thread.isDaemon(), thread.getName() + " must be a daemon thread"));
        }
    }

    @Test
    void closeStopsListeningAndABusyPortFailsToStart() throws IOException {
        try (Socket idle = new Socket()) {
            try (VaultServer server = VaultServer.start(VaultServerConfig.inMemory())) {
                // The port is held by the running server: a second server on it fails, never silently moves.
                assertThrows(UncheckedIOException.class,
                        () -> VaultServer.start(new VaultServerConfig(server.port(), null, null, null)).close());
                idle.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
                idle.setSoTimeout(5_000);
            }
            // Closing drops the connection it had accepted (no test relies on a freed port staying free).
            assertEquals(-1, readOrEndOfStream(idle));
        }
    }

    private static int readOrEndOfStream(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    @Test
    void bannerLooksLikeVaultDevMode() throws IOException {
        try (VaultServer server = VaultServer.start(new VaultServerConfig(0, null, "hvs.banner", "kv"))) {
            String banner = VaultServerMain.banner(server, null);
            assertTrue(banner.contains("export VAULT_ADDR='" + server.url() + "'"), banner);
            assertTrue(banner.contains("Root Token: hvs.banner"), banner);
            assertTrue(banner.contains("Unseal Key: " + server.unsealKey()), banner);
            VaultTestSupport.asRoot(server).body(java.util.Map.of("data", java.util.Map.of("k", "v")))
                    .post("/v1/kv/data/x").then().statusCode(200);
        }
    }
}
