package dev.envplane.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.envplane.local.LocalServices;
import dev.envplane.testing.LocalServicesResource;

/**
 * A management port chosen for the packaged application can be taken by another process before the child binds it
 * (a loaded CI machine runs other builds): the launch is then retried on another port instead of failing the test.
 */
class PackagedApplicationPortIT {

    @Test
    void aTakenManagementPortIsRetriedOnAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LocalServices services = LocalServices.startTemporary(Path.of("target", "postgres-port-it.log"))) {
            AtomicInteger asked = new AtomicInteger();
            // the first port offered is the one this test holds, as if another process had just taken it
            try (PackagedApplication app = PackagedApplication.start(services, Map.of(), Path.of("target", "port-it.log"),
                    () -> asked.getAndIncrement() == 0 ? taken.getLocalPort() : LocalServicesResource.freePort())) {
                assertEquals(2, app.launches(), "the first launch met the taken port and the second came up");
                int managementPort = URI.create(app.managementUrl()).getPort();
                assertNotEquals(taken.getLocalPort(), managementPort);
                assertTrue(app.process().isAlive());
            }
        }
    }
}
