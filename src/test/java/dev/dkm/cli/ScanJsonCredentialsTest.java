package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.workspace.GitFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dkm scan --json} on repositories whose token is not in a URL: a credential store, an extra header, an
 * included file. Each says where the token lives; no raw token appears anywhere in the output. (The user's global
 * config here is the shared test home, so every source is set in the repository's own config.)
 */
class ScanJsonCredentialsTest {
    private static final String STORE = "glpat-JsonStoreTok14aaaa";
    private static final String HEADER = "glpat-JsonHeaderTk14bbbb";
    private static final String INCLUDED = "gldt-JsonIncludeTk14cccc";

    @TempDir
    Path tmp;

    @Test
    void everySourceIsReportedWithItsFileAndNothingRaw() throws IOException {
        GitFixture fx = new GitFixture(tmp);
        Path store = Files.writeString(tmp.resolve("creds"), "https://oauth2:" + STORE + "@gitlab.example\n" + "garbage line\n");
        Path a = fx.repo("store", "https://gitlab.example/g/store.git");
        fx.git(a, "config", "credential.helper", "store --file " + store);
        Path b = fx.repo("header", "https://gitlab.example/g/header.git");
        fx.git(b, "config", "http.https://gitlab.example/.extraHeader", "PRIVATE-TOKEN: " + HEADER);
        Path inc = Files.writeString(tmp.resolve("inc"), "[url \"https://gitlab+deploy-token-1:" + INCLUDED + "@gitlab.example/\"]\n"
                + "\tinsteadOf = https://gitlab.example/\n");
        Path c = fx.repo("include", "https://gitlab.example/g/include.git");
        fx.git(c, "config", "include.path", inc.toString());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DkmCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("scan", fx.root.toString(), "--json")).isEqualTo(0);
        for (String raw : new String[] {STORE, HEADER, INCLUDED}) {
            String body = raw.substring(raw.indexOf('-') + 1, raw.length() - 4);
            assertThat(out.toString()).doesNotContain(body);
            assertThat(err.toString()).doesNotContain(body);
        }
        assertThat(err.toString()).contains("credential store " + store + " line 2 is not a URL with a user and a password; git skips it")
                .doesNotContain("garbage");

        JsonArray repos = JsonParser.parseString(out.toString()).getAsJsonArray();
        JsonObject storeToken = token(repos, "store");
        assertThat(storeToken.get("location").getAsString()).isEqualTo("credential-store");
        assertThat(storeToken.get("origin").getAsString()).isEqualTo("credential-store:" + store);
        assertThat(storeToken.get("file").getAsString()).isEqualTo(store.toString());
        assertThat(storeToken.get("redacted").getAsString()).isEqualTo("glpat-…aaaa");
        assertThat(storeToken.get("shared").getAsBoolean()).isTrue();
        assertThat(status(repos, "store")).isEqualTo("token-in-credentials");

        JsonObject headerToken = token(repos, "header");
        assertThat(headerToken.get("location").getAsString()).isEqualTo("extraHeader");
        assertThat(headerToken.get("origin").getAsString()).isEqualTo("config");
        assertThat(headerToken.get("key").getAsString()).isEqualTo("http.https://gitlab.example/.extraheader");
        assertThat(status(repos, "header")).isEqualTo("token-in-credentials");

        JsonObject includeToken = token(repos, "include");
        assertThat(includeToken.get("location").getAsString()).isEqualTo("insteadOf");
        assertThat(includeToken.get("origin").getAsString()).isEqualTo("include:" + inc);
        assertThat(includeToken.get("kind").getAsString()).isEqualTo("deploy");
        assertThat(status(repos, "include")).isEqualTo("token-in-url");
    }

    private static JsonObject repo(JsonArray repos, String path) {
        for (JsonElement e : repos) {
            if (e.getAsJsonObject().get("path").getAsString().equals(path)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no repo " + path);
    }

    private static String status(JsonArray repos, String path) {
        return repo(repos, path).get("status").getAsString();
    }

    private static JsonObject token(JsonArray repos, String path) {
        JsonArray tokens = repo(repos, path).getAsJsonArray("remotes").get(0).getAsJsonObject().getAsJsonArray("tokens");
        assertThat(tokens).hasSize(1);
        return tokens.get(0).getAsJsonObject();
    }
}
