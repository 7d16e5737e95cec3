package dev.dkm.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, defect 10: logging in to a plain http:// instance on a host other than this machine warns that the token
 * travels unencrypted; loopback (the sandbox, a tunnel) does not. The client is pointed at the in-process sandbox
 * whatever URL is named, so the non-loopback name needs no network.
 */
class PlainHttpWarningTest {
    @TempDir Path tmp;

    @Test
    void http_on_a_remote_host_warns_loopback_and_https_do_not() {
        try (SandboxServer server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start()) {
            ClientFactory toSandbox = (instance, token) -> GitLabClient.connect(server.url(), token);
            InstanceLogin login = new InstanceLogin(new SettingsStore(tmp.resolve("settings.json")),
                    new FileTokenStore(tmp.resolve("credentials.json"), "test"), toSandbox, Clock.systemUTC());
            Secret token = Secret.of(server.maintainerToken());

            assertThat(login.check("http://gitlab.internal.example:8080", token, null).warnings())
                    .anySatisfy(w -> assertThat(w).contains("plain http://").contains("gitlab.internal.example").contains("unencrypted"));
            for (String quiet : new String[] {server.url(), "http://localhost:8080", "http://[::1]:8080", "https://gitlab.internal.example"}) {
                assertThat(login.check(quiet, token, null).warnings()).as(quiet).noneSatisfy(w -> assertThat(w).contains("plain http://"));
            }
        }
    }
}
