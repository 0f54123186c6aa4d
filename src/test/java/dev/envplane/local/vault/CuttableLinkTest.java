package dev.envplane.local.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envplane.testing.CuttableLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The relay tests put in front of Vault to make it unreachable: cut and restored on a port it never lets go. */
class CuttableLinkTest {

    @Test
    void cutRefusesServiceAndRestoreBringsItBackOnTheSamePort() throws IOException {
        try (VaultServer server = VaultServer.start(VaultServerConfig.inMemory());
             CuttableLink link = new CuttableLink(server.port())) {
            assertEquals(200, health(link).status());

            link.cut();
            assertThrows(UncheckedIOException.class, () -> health(link));
            // While cut, the port is still the link's: nobody else can take it.
            try (ServerSocket intruder = new ServerSocket()) {
                assertThrows(BindException.class,
                        () -> intruder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), link.port())));
            }

            link.restore();
            assertEquals(200, health(link).status());
        }
    }

    private static RawHttp.Response health(CuttableLink link) {
        return RawHttp.get(link.port(), "/v1/sys/health", null);
    }
}
