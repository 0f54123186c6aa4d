package dev.envplane.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The local default's signing key (src/test/resources/local-jwt) is in no file of the packaged application: the
 * artifact the build recorded (target/quarkus-artifact.properties), the JVM application's directory or the native
 * executable.
 */
class SigningKeyNotPackagedIT {

    @Test
    void theLocalSigningKeyIsNotPackaged() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path app = artifact.getProperty("type").equals("native") ? Path.of("target", artifact.getProperty("path"))
                : Path.of("target", "quarkus-app");
        String privateKey = Files.readString(Path.of("src/test/resources/local-jwt/private.pem"));
        String keyBody = privateKey.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(app)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "the packaged application was built");
        for (Path file : files) {
            if (file.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(file.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        if (entry.getName().contains("local-jwt") || entry.getName().contains("LocalTokens")
                                || new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1).contains(keyBody)) {
                            found.add(file + "!" + entry.getName());
                        }
                    }
                }
            } else if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(keyBody)) {
                found.add(file.toString());
            }
        }
        assertEquals(List.of(), found);
    }
}
