package dev.dkm.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir Path dir;

    @Test
    void configDirPrecedence() {
        assertThat(AppDirs.of(Map.of("DKM_CONFIG_DIR", "/a", "XDG_CONFIG_HOME", "/x"), "/home/u").configDir()).isEqualTo(Path.of("/a"));
        assertThat(AppDirs.of(Map.of("DKM_CONFIG_DIR", "", "XDG_CONFIG_HOME", "/x"), "/home/u").configDir()).isEqualTo(Path.of("/x/dkm"));
        assertThat(AppDirs.of(Map.of(), "/home/u").configDir()).isEqualTo(Path.of("/home/u/.config/dkm"));
        assertThat(AppDirs.of(Map.of("DKM_DATA_DIR", "/d"), "/home/u").dataDir()).isEqualTo(Path.of("/d"));
        assertThat(AppDirs.of(Map.of("XDG_DATA_HOME", "/xd"), "/home/u").dataDir()).isEqualTo(Path.of("/xd/dkm"));
        assertThat(AppDirs.of(Map.of(), "/home/u").dataDir()).isEqualTo(Path.of("/home/u/.local/share/dkm"));
        assertThat(AppDirs.of(Map.of("DKM_CONFIG_DIR", "/a"), "/h").settingsFile()).isEqualTo(Path.of("/a/settings.json"));
    }

    @Test
    void saveAndLoadRoundTripAtomicallyOwnerOnly() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("cfg/settings.json"));
        assertThat(store.load()).isEqualTo(Settings.defaults());
        Settings s = Settings.defaults()
                .withWorkspaceRoots(List.of(Path.of("/srv/work"), Path.of("/home/u/src")))
                .withTheme(Theme.DARK)
                .withInstance(new InstanceSettings(null, "https://GitLab.Example.com/", "ssh.example.com", 2222,
                        Path.of("/etc/ca.pem"), "proxy:3128", "registry.example.com", List.of("git.example.com")));
        store.save(s);
        Settings back = store.load();
        assertThat(back).isEqualTo(s);
        assertThat(back.instances().get(0).baseUrl()).isEqualTo("https://gitlab.example.com");
        assertThat(back.instances().get(0).id()).isEqualTo("gitlab.example.com");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.list(store.file().getParent())).containsExactly(store.file()); // no temp file left behind
        assertThat(Files.readString(store.file())).doesNotContain("token");
    }

    @Test
    void environmentsAreRememberedAndAFileWrittenBeforeThemReadsAsNone() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"DARK\",\"workspaceRoots\":[\"/w\"]}");
        Settings old = new SettingsStore(file).load();
        assertThat(old.environments()).isEmpty();
        assertThat(old.theme()).isEqualTo(Theme.DARK);
        Settings s = old.withEnvironments(List.of("codimd", "command:podman exec -i web", "codimd", " "));
        assertThat(s.environments()).containsExactly("codimd", "command:podman exec -i web");
        new SettingsStore(file).save(s);
        Settings back = new SettingsStore(file).load();
        assertThat(back).isEqualTo(s);
        // the other with… methods keep them
        assertThat(back.withTheme(Theme.LIGHT).withRunRetentionDays(3).environments()).isEqualTo(s.environments());
    }

    @Test
    void loadIsLenient() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"theme\":\"PURPLE\",\"unknown\":1,\"workspaceRoots\":[\"/w\"]}");
        Settings s = new SettingsStore(file).load();
        assertThat(s.theme()).isEqualTo(Theme.LIGHT);
        assertThat(s.workspaceRoots()).containsExactly(Path.of("/w"));
        assertThat(s.expiryThresholdDays()).containsExactly(60, 30, 7, 1);
        assertThat(s.keyStrategy()).isEqualTo(KeyStrategy.ONE_KEY_PER_REPOSITORY);

        Files.writeString(file, "{ not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
        assertThat(dir.resolve("settings.json.bad")).hasContent("{ not json");
    }

    @Test
    void a_settings_file_written_before_read_only_by_default_existed_still_loads_and_keeps_its_values() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {
                  "instances": [{"baseUrl": "https://gitlab.example.com", "sshHost": "gitlab.example.com"}],
                  "workspaceRoots": ["/srv/work"],
                  "theme": "DARK",
                  "expiryThresholdDays": [90, 14],
                  "keyStrategy": "ONE_KEY_PER_ENVIRONMENT"
                }
                """);
        SettingsStore store = new SettingsStore(file);
        Settings old = store.load();
        assertThat(old.readOnlyByDefault()).isFalse();
        assertThat(old.keyStrategy()).isEqualTo(KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
        assertThat(old.expiryThresholdDays()).containsExactly(90, 14);
        assertThat(old.theme()).isEqualTo(Theme.DARK);
        assertThat(old.workspaceRoots()).containsExactly(Path.of("/srv/work"));
        assertThat(old.instance("https://gitlab.example.com")).isPresent();
        assertThat(dir.resolve("settings.json.bad")).doesNotExist();

        store.save(old.withReadOnlyByDefault(true));
        assertThat(Files.readString(file)).contains("\"readOnlyByDefault\": true");
        assertThat(store.load()).isEqualTo(old.withReadOnlyByDefault(true));
    }

    @Test
    void instanceLookupByHost() {
        Settings s = Settings.defaults().withInstance(new InstanceSettings(null, "https://gitlab.corp.example", "ssh.corp.example", 2222,
                null, null, "registry.corp.example", List.of("git-alias.corp.example", "old.corp.example:2200")));
        InstanceLookup lookup = new InstanceLookup(s);
        assertThat(lookup.forRemoteHost("gitlab.com", null)).contains(InstanceLookup.GITLAB_COM);
        assertThat(lookup.forRemoteHost("altssh.gitlab.com", 443)).contains(InstanceLookup.GITLAB_COM);
        assertThat(lookup.forRemoteHost("GITLAB.corp.example", null).map(InstanceSettings::id)).contains("gitlab.corp.example");
        assertThat(lookup.forRemoteHost("ssh.corp.example", 2222)).isPresent();
        assertThat(lookup.forRemoteHost("git-alias.corp.example", null)).isPresent();
        assertThat(lookup.forRemoteHost("old.corp.example", 2200)).isPresent();
        assertThat(lookup.forRemoteHost("old.corp.example", 22)).isEmpty();
        assertThat(lookup.forRemoteHost("github.com", null)).isEmpty();
        assertThat(lookup.forBaseUrl("gitlab.corp.example/")).isPresent();
        assertThat(lookup.all()).hasSize(2);
    }
}
