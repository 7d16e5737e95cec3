package dev.dkm.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.credentials.CredentialResolver;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.tokens.InstanceConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every client of an instance comes from the one factory with the instance's settings: also the clients that ask
 * GitLab about a token found in a remote (before issue 13 those were plain {@code GitLabClient.connect} clients that
 * ignored the instance's CA file and proxy, so a corporate instance answered with TLS errors).
 */
class InstanceConnectionsTest {
    @TempDir Path tmp;

    @Test
    void clients_for_tokens_found_in_remotes_get_the_instances_ca_file_and_proxy() {
        InstanceSettings corporate = InstanceSettings.of("https://gitlab.corp.example")
                .withCaFile(tmp.resolve("corp-ca.pem")).withProxy("proxy.corp.example:3128");
        Settings settings = Settings.defaults().withInstance(corporate);
        FileTokenStore store = new FileTokenStore(tmp.resolve("credentials.json"), "test");
        store.store(corporate.baseUrl(), Secret.of("test-api-token-value"));
        CredentialResolver credentials = new CredentialResolver(store, Map.<String, String>of()::get);
        List<InstanceSettings> opened = new ArrayList<>();
        ClientFactory recording = (instance, token) -> {
            opened.add(instance);
            return GitLabClient.connect(instance.baseUrl(), token);
        };
        try (InstanceConnections connections = new InstanceConnections(
                () -> new InstanceSelector(() -> settings, credentials, null), credentials, recording)) {
            InstanceConnection c = connections.all().stream().filter(i -> i.baseUrl().equals(corporate.baseUrl())).findFirst().orElseThrow();
            try (GitLabClient forUrlToken = c.clientForToken().apply(Secret.of("token-found-in-a-remote"))) {
                assertThat(forUrlToken).isNotNull();
            }
            assertThat(c.tokenSource()).isEqualTo(store.storageDescription());
        }
        assertThat(opened).hasSize(2).allSatisfy(i -> {
            assertThat(i.caFile()).isEqualTo(tmp.resolve("corp-ca.pem"));
            assertThat(i.proxy()).isEqualTo("proxy.corp.example:3128");
        });
    }

    @Test
    void the_hint_url_keeps_the_remotes_scheme_host_and_web_port() {
        assertThat(InstanceSelector.remoteUrl("http", "127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(InstanceSelector.remoteUrl("https", "gitlab.example.com", null)).isEqualTo("https://gitlab.example.com");
        // an SSH remote's port is SSH's, not the web's
        assertThat(InstanceSelector.remoteUrl("ssh", "gitlab.example.com", 2222)).isEqualTo("https://gitlab.example.com");
        assertThat(InstanceSelector.remoteUrl("https", "::1", 8443)).isEqualTo("https://[::1]:8443");
    }

    @Test
    void a_named_instance_wins_over_a_configured_one_on_the_same_host_and_http_remotes_go_by_port() {
        Settings settings = Settings.defaults().withInstance(InstanceSettings.of("http://127.0.0.1:9090"));
        FileTokenStore store = new FileTokenStore(tmp.resolve("credentials.json"), "test");
        CredentialResolver env = new CredentialResolver(store, Map.of("GITLAB_HOST", "http://127.0.0.1:8080")::get);
        InstanceSelector selector = new InstanceSelector(() -> settings, env, null);

        assertThat(selector.forRemote("http", "127.0.0.1", 9090).baseUrl()).isEqualTo("http://127.0.0.1:9090");
        assertThat(selector.forRemote("http", "127.0.0.1", 8080).baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(selector.forRemote("http", "127.0.0.1", 8080).reason()).isEqualTo("GITLAB_HOST");
        assertThat(selector.forRemote("ssh", "127.0.0.1", 2222).baseUrl()).as("named first").isEqualTo("http://127.0.0.1:8080");
        assertThat(selector.withHost("http://127.0.0.1:9090").forRemote("ssh", "127.0.0.1", 2222).reason()).isEqualTo("--host");
        assertThat(selector.forCommand().baseUrl()).isEqualTo("http://127.0.0.1:8080");
    }
}
