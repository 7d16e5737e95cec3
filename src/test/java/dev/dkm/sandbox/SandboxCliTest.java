package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dkm sandbox} as a child process: the ready line, a call with its token, and stop on stdin EOF. */
class SandboxCliTest {
    @Test
    void printsTheReadyLineAndStopsWhenStdinCloses(@TempDir Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.dkm.Launcher",
                "sandbox", "--data", data.toString(), "--stop-on-stdin-eof", "--gitlab-version", "16.11")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            JsonObject ready = JsonParser.parseString(out.readLine()).getAsJsonObject();
            for (String field : new String[] {"url", "api", "sshPort", "sshHostKeyFingerprint", "knownHostsLine", "token", "adminToken"}) {
                assertThat(ready.has(field)).as(field).isTrue();
            }
            assertThat(ready.get("knownHostsLine").getAsString())
                    .startsWith("[127.0.0.1]:" + ready.get("sshPort").getAsInt() + " ssh-ed25519 AAAA");
            assertThat(ready.get("sshHostKeyFingerprint").getAsString()).startsWith("SHA256:");
            SandboxHttp http = new SandboxHttp(ready.get("api").getAsString());
            assertThat(http.get("/user", ready.get("token").getAsString()).json().getAsJsonObject()
                    .get("username").getAsString()).isEqualTo("maria");
            assertThat(ready.get("gitlabVersion").getAsString()).isEqualTo("16.11.0-sandbox");
            assertThat(http.get("/version", ready.get("token").getAsString()).json().getAsJsonObject()
                    .get("version").getAsString()).isEqualTo("16.11.0-sandbox");

            p.getOutputStream().close();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
