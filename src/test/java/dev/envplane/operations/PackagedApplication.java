package dev.envplane.operations;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.envplane.local.LocalDatabase;
import dev.envplane.local.LocalServices;
import dev.envplane.testing.LocalServicesResource;
import dev.envplane.testing.Tokens;

/**
 * The artifact this build packaged, run as a child process the way an operator runs it: the JVM jar, or the native
 * executable after {@code -Dnative}, as {@code target/quarkus-artifact.properties} (written by the build, read by
 * {@code @QuarkusIntegrationTest} too) says. It listens on 127.0.0.1 on a port it picks itself (port 0), and on a
 * management port chosen here, both read back from its log, and is stopped on close. A port chosen here may be taken
 * by another process before the child binds it: the child then says so and exits, and is launched again on another.
 */
public final class PackagedApplication implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern MANAGEMENT = Pattern.compile("[Mm]anagement interface listening on (http://[0-9.]+:\\d+)");
    /** What Quarkus (and the JVM) print when a port the child was told to bind is already taken. */
    private static final Pattern PORT_TAKEN = Pattern.compile("seems to be in use by another process|Address already in use");
    private static final int LAUNCHES = 3;

    private final Process process;
    private final Path log;
    private String url;
    private String managementUrl;
    private int launches;

    private PackagedApplication(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts against {@code services} with extra environment variables; returns once it reports ready. */
    public static PackagedApplication start(LocalServices services, Map<String, String> environment, Path log) throws Exception {
        return start(services, environment, log, LocalServicesResource::freePort);
    }

    /**
     * As {@link #start(LocalServices, Map, Path)}, with the management ports to try in turn: a launch whose port was
     * taken meanwhile is retried on the next one, up to {@value #LAUNCHES} launches.
     */
    static PackagedApplication start(LocalServices services, Map<String, String> environment, Path log, IntSupplier managementPorts)
            throws Exception {
        for (int launch = 1;; launch++) {
            PackagedApplication app = launch(services, environment, log, managementPorts.getAsInt());
            app.launches = launch;
            try {
                app.awaitReady();
                return app;
            } catch (Exception | AssertionError e) {
                app.close();
                if (launch == LAUNCHES || !PORT_TAKEN.matcher(app.log()).find()) {
                    throw e;
                }
            }
        }
    }

    private static PackagedApplication launch(LocalServices services, Map<String, String> environment, Path log, int managementPort)
            throws IOException {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        // A port of its own, not 0: Quarkus tags each server's http.server.active.connections gauge with its configured
        // port only when that port is above 0, so two servers on port 0 register one gauge twice and Micrometer warns
        // (OperatorLogIT asserts the operator's log has no such warning)
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        LocalDatabase database = services.database();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        // the runtime login (rows only), Flyway as the schema's owner: see LocalServicesResource
        LocalServicesResource.createRuntimeLogin(database);
        env.put("QUARKUS_DATASOURCE_USERNAME", LocalServicesResource.RUNTIME_LOGIN);
        env.put("QUARKUS_DATASOURCE_PASSWORD", LocalServicesResource.RUNTIME_PASSWORD);
        env.put("QUARKUS_FLYWAY_USERNAME", LocalDatabase.USER);
        env.put("QUARKUS_FLYWAY_PASSWORD", LocalDatabase.PASSWORD);
        env.put("QUARKUS_VAULT_URL", services.vault().url());
        env.put("QUARKUS_VAULT_AUTHENTICATION_CLIENT_TOKEN", services.serviceToken());
        // callers' tokens: the local default's test key, and an admin token on every rest-assured call to it
        Tokens.verification().forEach((key, value) -> env.put(key.toUpperCase().replace('.', '_'), value));
        Tokens.sendAdminByDefault();
        env.putAll(environment);
        return new PackagedApplication(builder.start(), log);
    }

    /** The packaged artifact, as the build recorded it. */
    static List<String> command() throws IOException {
        Path target = Path.of("target");
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(target.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path path = target.resolve(artifact.getProperty("path")).toAbsolutePath();
        List<String> command = new ArrayList<>();
        switch (artifact.getProperty("type")) {
            case "jar" -> command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path.toString()));
            case "native" -> command.add(path.toString());
            default -> throw new IllegalStateException("Cannot run a " + artifact.getProperty("type") + " artifact here");
        }
        return command;
    }

    /** http://127.0.0.1:port of the API. */
    public String url() {
        return url;
    }

    /** Where /q/health/ready answers: the management interface when the build has one, else the API port. */
    public String readinessUrl() {
        return (managementUrl != null ? managementUrl : url) + "/q/health/ready";
    }

    /** Where health and metrics answer, or null when the build has no management interface. */
    public String managementUrl() {
        return managementUrl;
    }

    /** How many times the child was launched before one came up. */
    int launches() {
        return launches;
    }

    public Process process() {
        return process;
    }

    /** Everything the application printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as Kubernetes sends it; does not wait. */
    public void terminate() {
        process.destroy();
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (url == null) {
                String text = Files.exists(log) ? Files.readString(log) : "";
                Matcher listening = LISTENING.matcher(text);
                if (listening.find()) {
                    url = listening.group(1);
                    Matcher management = MANAGEMENT.matcher(text);
                    managementUrl = management.find() ? management.group(1) : null;
                }
            } else {
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(readinessUrl())).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The application did not become ready; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
