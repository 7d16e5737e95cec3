package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's python-gitlab drives the sandbox: the sandbox must speak GitLab's dialect, not only ours. */
class PythonGitlabInteropTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void pythonGitlabAgreesWithTheSandbox(@TempDir Path data) throws Exception {
        assertThat(Files.isExecutable(PYTHON)).as("Debian python3 with python3-gitlab is installed (.ci/run installs it)").isTrue();
        try (SandboxServer server = Sandbox.builder().dataDir(data).start()) {
            Process p = new ProcessBuilder(PYTHON.toString(), Path.of("src/test/python/interop_test.py").toAbsolutePath().toString(),
                    server.url(), server.maintainerToken(), server.ownerToken(), server.adminToken(),
                    TestKeys.publicKeyLine("interop-1"), TestKeys.publicKeyLine("interop-2"))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("checks passed");
        }
    }
}
