package dev.dkm.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.SshEnvironment;
import dev.dkm.setup.ThisAccount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper end of protocol 1, in-process: versioning, refusals, and a key whose private half never crosses. */
class HelperServerTest {
    @TempDir Path tmp;

    private HelperServer server() {
        SshEnvironment env = new SshEnvironment(tmp.resolve("ssh/dkm"), tmp.resolve("ssh/known_hosts"), false, "app@host");
        HostKeyVerifier hostKeys = new HostKeyVerifier(new KnownHostsFile(env.knownHosts()), (h, p, t) -> {
            throw new java.io.IOException("no network in this test");
        });
        return new HelperServer(new ThisAccount(env, hostKeys, new GitRunner("git", Map.of(), 30)), tmp);
    }

    private record Served(int exit, List<JsonObject> answers, String raw) {}

    private Served serve(String... requests) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = server().serve(new ByteArrayInputStream((String.join("\n", requests) + "\n").getBytes(StandardCharsets.UTF_8)), out);
        String raw = out.toString(StandardCharsets.UTF_8);
        return new Served(exit, raw.lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList(), raw);
    }

    @Test
    void hello_must_come_first_and_name_protocol_1() throws Exception {
        Served other = serve("{\"id\":1,\"op\":\"hello\",\"args\":{\"protocol\":2}}");
        assertThat(other.answers().get(0).get("ok").getAsBoolean()).isFalse();
        assertThat(other.answers().get(0).get("error").getAsString()).contains("speaks helper protocol 1, not 2");

        Served skipped = serve("{\"id\":1,\"op\":\"scan\",\"args\":{}}");
        assertThat(skipped.exit()).isEqualTo(2);
        assertThat(skipped.answers().get(0).get("error").getAsString()).contains("first request must be hello");

        Served garbage = serve("{\"id\":1,\"op\":\"hello\",\"args\":{\"protocol\":1}}", "rm -rf /");
        assertThat(garbage.exit()).isEqualTo(2);
        assertThat(garbage.answers()).hasSize(2);
        assertThat(garbage.answers().get(0).getAsJsonObject("result").get("identity").getAsString()).isEqualTo("app@host");
        assertThat(garbage.answers().get(1).get("error").getAsString()).isEqualTo("request refused: not a protocol line");
    }

    @Test
    void generate_key_answers_the_public_half_only_and_git_runs_verification_commands_only() throws Exception {
        Path key = tmp.resolve("ssh/dkm/gitlab.example.com_team_app");
        Served s = serve("{\"id\":1,\"op\":\"hello\",\"args\":{\"protocol\":1}}",
                "{\"id\":2,\"op\":\"generateKey\",\"args\":{\"file\":\"" + key + "\",\"comment\":\"dkm app@host team/app\"}}",
                "{\"id\":3,\"op\":\"git\",\"args\":{\"repo\":\"" + tmp + "\",\"args\":[\"push\",\"--force\"]}}",
                "{\"id\":4,\"op\":\"bye\"}");
        assertThat(s.exit()).isZero();
        JsonObject generated = s.answers().get(1).getAsJsonObject("result");
        assertThat(generated.get("publicKey").getAsString()).startsWith("ssh-ed25519 ").endsWith(" dkm app@host team/app");
        assertThat(generated.get("created").getAsBoolean()).isTrue();
        assertThat(s.raw()).doesNotContain("PRIVATE KEY").doesNotContain(Files.readString(key).lines().skip(1).findFirst().orElseThrow());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        assertThat(s.answers().get(2).get("ok").getAsBoolean()).isFalse();
        assertThat(s.answers().get(2).get("error").getAsString()).contains("not push");
        assertThat(s.answers().get(3).get("ok").getAsBoolean()).isTrue();
    }
}
