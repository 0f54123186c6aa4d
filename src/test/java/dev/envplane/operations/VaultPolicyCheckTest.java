package dev.envplane.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.envplane.local.vault.VaultServer;
import dev.envplane.local.vault.VaultServerConfig;

/**
 * deploy/vault/check-policy.sh against the Vault-compatible server, on every build: each grant the service needs
 * works (a wrapped read, unwrapped once, included) and each capability the policy leaves out is refused. A policy granting one capability too many fails it.
 */
class VaultPolicyCheckTest {

    private static final Path SCRIPT = Path.of("deploy/vault/check-policy.sh");
    private static final Path POLICY = Path.of("deploy/vault/envplane-policy.hcl");
    private static VaultServer vault;

    @BeforeAll
    static void startVault() {
        vault = VaultServer.start(VaultServerConfig.inMemory());
    }

    @AfterAll
    static void stopVault() {
        vault.close();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run check(Path policy) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("VAULT_ADDR", vault.url());
        environment.put("VAULT_TOKEN", vault.rootToken());
        environment.put("ENVPLANE_POLICY_FILE", policy.toAbsolutePath().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("check-policy.sh did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    @Test
    void thePolicyGrantsWhatTheServiceDoesAndNothingElse() throws Exception {
        Run run = check(POLICY);
        assertThat(run.output(), run.exitCode(), equalTo(0));
        assertThat(run.output(), not(containsString("FAIL")));
        assertThat(run.output(), containsString("ok   write v1, check-and-set 0 (create) (200)"));
        assertThat(run.output(), containsString("ok   list the prefix (200)"));
        assertThat(run.output(), containsString("ok   wrapped read of version 2 (200)"));
        assertThat(run.output(), containsString("ok   the wrapped answer holds no data (None 120)"));
        assertThat(run.output(), containsString("ok   unwrap with the wrapping token (200)"));
        assertThat(run.output(), containsString("ok   the unwrapped answer is version 2 (v2 2)"));
        assertThat(run.output(), containsString("ok   unwrap the same token again (400)"));
        assertThat(run.output(), containsString("ok   the wrapping token reads nothing (403)"));
        assertThat(run.output(), containsString("ok   write metadata (not granted) (403)"));
        assertThat(run.output(), containsString("ok   list outside the prefix (403)"));
        assertThat(run.output(), containsString("ok   mount a secrets engine (sys) (403)"));
    }

    @Test
    void aPolicyThatGrantsTooMuchFails(@TempDir Path directory) throws Exception {
        Path wide = directory.resolve("too-wide.hcl");
        Files.writeString(wide, Files.readString(POLICY)
                .replace("capabilities = [\"read\", \"delete\", \"list\"]", "capabilities = [\"create\", \"update\", \"read\", \"delete\", \"list\"]"));
        Run run = check(wide);
        assertThat(run.output(), run.exitCode(), equalTo(1));
        assertThat(run.output(), containsString("FAIL write metadata (not granted)"));
    }

    @Test
    void aPolicyThatGrantsTooLittleFails(@TempDir Path directory) throws Exception {
        Path narrow = directory.resolve("too-narrow.hcl");
        Files.writeString(narrow, Files.readString(POLICY).replace("capabilities = [\"read\", \"delete\", \"list\"]", "capabilities = [\"read\", \"delete\"]"));
        Run run = check(narrow);
        assertThat(run.output(), run.exitCode(), equalTo(1));
        assertThat(run.output(), containsString("FAIL list the prefix"));
    }
}
