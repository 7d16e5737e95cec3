package dev.dkm.environments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.cli.DkmCli;
import dev.dkm.cli.CliContext;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.testsupport.CliJsonDoc;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkm convert --user NAME --json} keeps the contract of docs/cli-json.md: the preview ({@code --dry-run}), the
 * run and a second run with nothing left each print one document with exactly the documented fields, nulls written
 * out, each repository naming its environment. Regression: the environments path printed no document for a dry run
 * or with nothing to convert, and left null fields out. No endpoint beyond the convert use case's (deploy keys, as in
 * gitlabhq lib/api/deploy_keys.rb).
 */
class EnvironmentConvertJsonTest {
    @TempDir Path tmp;
    SandboxServer server;
    ThrowawayAccounts accounts;
    Map<String, String> env;
    AppDirs dirs;

    @BeforeEach
    void world() throws Exception {
        System.setProperty("dkm.helper.classpath", ThrowawayAccounts.readableClasspath());
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        accounts = new ThrowawayAccounts();
        env = new HashMap<>();
        env.put("DKM_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("DKM_DATA_DIR", tmp.resolve("data").toString());
        env.put("DKM_SSH_DIR", tmp.resolve("ssh").toString());
        env.put("GITLAB_HOST", server.url());
        env.put("GITLAB_TOKEN", server.maintainerToken());
        dirs = AppDirs.of(env, tmp.toString());
        new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
    }

    @AfterEach
    void cleanUp() throws Exception {
        server.close();
        accounts.close();
    }

    @Test
    void dry_run_run_and_nothing_left_each_print_the_documented_document() throws Exception {
        String user = accounts.create("j");
        String remoteBase = server.url().replace("http://", "http://oauth2:" + server.developerToken() + "@");
        ThrowawayAccounts.as(user, "mkdir -p src/site && cd src/site && git init -q -b main && git remote add origin "
                + remoteBase + "/acme/website.git").assertOk();
        Set<String> withEnvironments = Set.of("always", "with --user/--all-users/--env-command");

        Run dry = dkm("convert", "--user", user, "--dry-run", "--json");
        assertThat(dry.exit()).as(dry.err()).isZero();
        JsonObject preview = JsonParser.parseString(dry.out()).getAsJsonObject();
        CliJsonDoc.assertMatches("convert-preview", preview, withEnvironments);
        assertThat(preview.getAsJsonArray("repositories").get(0).getAsJsonObject().get("environment").getAsString()).isEqualTo(user);

        Run run = dkm("convert", "--user", user, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        CliJsonDoc.assertMatches("convert", doc, withEnvironments);
        JsonObject row = doc.getAsJsonArray("repositories").get(0).getAsJsonObject();
        assertThat(row.get("outcome").getAsString()).isEqualTo("converted");
        assertThat(row.has("reason") && row.get("reason").isJsonNull()).as("null written out").isTrue();

        Run again = dkm("convert", "--user", user, "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        assertThat(again.exit()).as(again.err()).isZero();
        JsonObject nothing = JsonParser.parseString(again.out()).getAsJsonObject();
        CliJsonDoc.assertMatches("convert", nothing, withEnvironments);
        assertThat(nothing.get("runId").isJsonNull()).isTrue();
    }

    private record Run(int exit, String out, String err) {}

    private Run dkm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs,
                () -> new FileTokenStore(dirs.credentialsFile(), "test"), ClientFactory.DEFAULT, Clock.systemUTC(),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(DkmCli.commandLine(context).execute(args), out.toString(), err.toString());
    }
}
