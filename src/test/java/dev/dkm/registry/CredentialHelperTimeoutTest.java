package dev.dkm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.remote.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 10: the credential helper's timeout fires. The old code read the helper's output to its end
 * before it started the clock, so a helper that never answers (a locked keychain waiting for a prompt) hung dkm.
 */
class CredentialHelperTimeoutTest {
    @TempDir Path tmp;

    private Path helper(String body) throws IOException {
        Path h = tmp.resolve("docker-credential-test");
        Files.writeString(h, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(h, PosixFilePermissions.fromString("rwx------"));
        return h;
    }

    @Test
    @Timeout(30)
    void a_helper_that_never_answers_is_stopped_with_a_reason() throws Exception {
        Path pid = tmp.resolve("pid");
        CredentialHelper h = new CredentialHelper("test", helper("sleep 600 & echo $! > '" + pid + "'; wait"), Duration.ofSeconds(2));
        assertThatThrownBy(() -> h.store(new RegistryCredential("registry.example.com", "u", Secret.of("not-a-real-secret"))))
                .isInstanceOf(IOException.class).hasMessageContaining("did not answer within 2 s");
        long child = Long.parseLong(Files.readString(pid).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).isPresent(); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void a_failing_helper_says_why_without_echoing_a_secret() throws Exception {
        CredentialHelper h = new CredentialHelper("test", helper("echo \"cannot reach https://u:hunter2hunter2@vault.example.com\" >&2; exit 3"));
        assertThatThrownBy(() -> h.erase("registry.example.com")).isInstanceOf(IOException.class)
                .hasMessageContaining("docker-credential-test erase failed").hasMessageNotContaining("hunter2hunter2");
    }
}
