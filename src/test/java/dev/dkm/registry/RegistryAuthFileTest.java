package dev.dkm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.remote.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryAuthFileTest {
    private static final String TOKEN = "gldt-Zx9Yw8Vu7Ts6Rq5Po4Nm";
    private static final RegistryCredential CREDENTIAL =
            new RegistryCredential("registry.example.com", "gitlab+deploy-token-7", Secret.of(TOKEN));

    @TempDir Path tmp;
    private Path config;
    private Path helperLog;
    private String path;

    @BeforeEach
    void fakeHelperOnPath() throws Exception {
        config = RegistryAuthFile.dockerConfig(Map.of("DOCKER_CONFIG", tmp.resolve("docker").toString()), tmp);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        helperLog = tmp.resolve("helper.log");
        // A docker-credential-test that records what it is given and answers "get" from its last store.
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(helper, """
                #!/bin/sh
                input=$(cat)
                echo "$1 $input" >> '%s'
                case "$1" in
                  store) printf '%%s' "$input" > '%s.stored' ;;
                  get) if [ -f '%s.stored' ]; then cat '%s.stored'; else echo "credentials not found in native keychain"; exit 1; fi ;;
                  erase) rm -f '%s.stored' ;;
                esac
                """.formatted(helperLog, helperLog, helperLog, helperLog, helperLog));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        path = bin + ":/usr/bin:/bin";
    }

    @Test
    void a_new_config_is_created_0600_in_a_0700_directory_with_the_docker_auth_encoding() throws Exception {
        RegistryLoginResult result = new RegistryAuthFile(config, path).login(CREDENTIAL);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent()))).isEqualTo("rwx------");
        String auth = json().getAsJsonObject("auths").getAsJsonObject("registry.example.com").get("auth").getAsString();
        assertThat(new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8)).isEqualTo("gitlab+deploy-token-7:" + TOKEN);
        assertThat(result.helper()).isNull();
        assertThat(result.describe()).contains(config.toString()).doesNotContain(TOKEN);
    }

    @Test
    void everything_else_in_the_file_is_preserved_and_its_mode_kept() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                {"auths": {"other.example.com": {"auth": "b3RoZXI6c2VjcmV0"}},
                 "psFormat": "table {{.ID}}", "HttpHeaders": {"User-Agent": "me"}, "currentContext": "rootless"}
                """);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));

        new RegistryAuthFile(config, path).login(CREDENTIAL);

        JsonObject root = json();
        assertThat(root.getAsJsonObject("auths").getAsJsonObject("other.example.com").get("auth").getAsString()).isEqualTo("b3RoZXI6c2VjcmV0");
        assertThat(root.get("psFormat").getAsString()).isEqualTo("table {{.ID}}");
        assertThat(root.getAsJsonObject("HttpHeaders").get("User-Agent").getAsString()).isEqualTo("me");
        assertThat(root.get("currentContext").getAsString()).isEqualTo("rootless");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");
    }

    @Test
    void a_creds_store_gets_the_secret_and_the_file_stays_clean() throws Exception {
        Files.createDirectories(config.getParent());
        String original = "{\"credsStore\": \"test\", \"auths\": {}}";
        Files.writeString(config, original);

        RegistryLoginResult result = new RegistryAuthFile(config, path).login(CREDENTIAL);

        assertThat(Files.readString(config)).isEqualTo(original).doesNotContain(TOKEN);
        assertThat(Files.readString(helperLog)).contains("get registry.example.com")
                .contains("store {\"ServerURL\":\"registry.example.com\",\"Username\":\"gitlab+deploy-token-7\",\"Secret\":\"" + TOKEN + "\"}");
        assertThat(result.helper()).isEqualTo("test");
        assertThat(result.describe()).contains("docker-credential-test").contains("not in plain text");
    }

    @Test
    void a_helper_that_answers_get_with_nothing_means_nothing_stored() throws Exception {
        Path quiet = tmp.resolve("bin/docker-credential-quiet");
        Files.writeString(quiet, "#!/bin/sh\ncat > /dev/null\necho \"$1\" >> '" + helperLog + "'\nexit 0\n");
        Files.setPosixFilePermissions(quiet, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"credsStore\": \"quiet\"}");

        RegistryLoginResult result = new RegistryAuthFile(config, path).login(CREDENTIAL);

        assertThat(result.helper()).isEqualTo("quiet");
        assertThat(Files.readAllLines(helperLog)).containsExactly("get", "store");
        assertThat(Files.readString(config)).doesNotContain(TOKEN);
    }

    @Test
    void a_helper_whose_get_answer_is_not_json_is_refused_without_echoing_it() throws Exception {
        Path odd = tmp.resolve("bin/docker-credential-odd");
        Files.writeString(odd, "#!/bin/sh\ncat > /dev/null\necho 'Secret: " + TOKEN + "'\n");
        Files.setPosixFilePermissions(odd, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"credsStore\": \"odd\"}");

        assertThatThrownBy(() -> new RegistryAuthFile(config, path).login(CREDENTIAL))
                .hasMessageContaining("docker-credential-odd get answered something that is not").hasMessageNotContaining(TOKEN);
    }

    @Test
    void a_per_registry_cred_helper_wins_over_the_file() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"credHelpers\": {\"registry.example.com\": \"test\"}}");
        new RegistryAuthFile(config, path).login(CREDENTIAL);
        assertThat(Files.readString(config)).doesNotContain(TOKEN);
        assertThat(Files.readString(helperLog)).contains("store");
    }

    @Test
    void a_missing_helper_refuses_instead_of_falling_back_to_plain_text() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"credsStore\": \"pass\"}");

        assertThatThrownBy(() -> new RegistryAuthFile(config, path).login(CREDENTIAL))
                .hasMessageContaining("docker-credential-pass").hasMessageNotContaining(TOKEN);
        assertThat(Files.readString(config)).isEqualTo("{\"credsStore\": \"pass\"}");
    }

    @Test
    void undo_puts_back_the_previous_entry_or_removes_ours() throws Exception {
        RegistryAuthFile file = new RegistryAuthFile(config, path);
        RegistryCredential old = new RegistryCredential("registry.example.com", "old-user", Secret.of("old-secret-value-123"));
        file.login(old);
        RegistryLoginResult replaced = file.login(CREDENTIAL);
        assertThat(replaced.previous().username()).isEqualTo("old-user");

        file.undo(replaced, "registry.example.com");
        assertThat(file.storedInFile("registry.example.com")).get().extracting(RegistryCredential::username).isEqualTo("old-user");

        RegistryLoginResult fresh = new RegistryAuthFile(tmp.resolve("p/auth.json"), path).login(CREDENTIAL);
        new RegistryAuthFile(tmp.resolve("p/auth.json"), path).undo(fresh, "registry.example.com");
        assertThat(Files.readString(tmp.resolve("p/auth.json"))).doesNotContain(TOKEN).doesNotContain("registry.example.com");
    }

    @Test
    void undo_through_a_helper_erases_what_we_stored() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"credsStore\": \"test\"}");
        RegistryAuthFile file = new RegistryAuthFile(config, path);
        RegistryLoginResult result = file.login(CREDENTIAL);

        file.undo(result, "registry.example.com");

        assertThat(Files.readString(helperLog)).contains("erase registry.example.com");
        assertThat(Path.of(helperLog + ".stored")).doesNotExist();
    }

    @Test
    void invalid_json_is_left_alone() throws Exception {
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{not json");
        assertThatThrownBy(() -> new RegistryAuthFile(config, path).login(CREDENTIAL)).hasMessageContaining("not valid JSON");
        assertThat(Files.readString(config)).isEqualTo("{not json");
    }

    @Test
    void podman_auth_file_location_follows_podman() {
        assertThat(RegistryAuthFile.podmanAuth(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")))
                .contains(Path.of("/run/user/1000/containers/auth.json"));
        assertThat(RegistryAuthFile.podmanAuth(Map.of("REGISTRY_AUTH_FILE", "/x/auth.json", "XDG_RUNTIME_DIR", "/run/user/1")))
                .contains(Path.of("/x/auth.json"));
        assertThat(RegistryAuthFile.podmanAuth(Map.of())).isEmpty();
    }

    @Test
    void the_equivalent_command_never_holds_the_token() {
        assertThat(RegistryAuthFile.equivalentCommand("docker", CREDENTIAL))
                .contains("docker login registry.example.com -u gitlab+deploy-token-7 --password-stdin")
                .contains("gldt-…o4Nm").doesNotContain(TOKEN);
    }

    private JsonObject json() throws Exception {
        return JsonParser.parseString(Files.readString(config)).getAsJsonObject();
    }
}
