package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.dkm.app.AppServices;
import dev.dkm.app.WorkspaceRoots;
import dev.dkm.cli.CliContext;
import dev.dkm.cli.DkmCli;
import dev.dkm.credentials.FileTokenStore;
import dev.dkm.instances.ClientFactory;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.task.Progress;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialItem;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tokens tab and {@code dkm tokens} are one use case: on the demo (sandbox world + its workspace), the tab's
 * services as the window wires them (over its workspace roots, kept in the settings) and {@code dkm tokens --json}
 * without ROOT list the same credentials and the same notes. Regression of issue 13: {@code dkm tokens} without ROOT
 * read a settings field nothing wrote (so it saw no repository) and asked only one instance.
 */
class TokensTabMatchesCliTest {
    @TempDir Path tmp;

    @Test
    void the_tab_and_dkm_tokens_without_root_list_the_same_credentials_on_the_demo() throws Exception {
        Path workspace = tmp.resolve("ws");
        try (SandboxServer server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).workspace(workspace).start()) {
            Map<String, String> env = Map.of("DKM_CONFIG_DIR", tmp.resolve("config").toString(),
                    "DKM_DATA_DIR", tmp.resolve("data").toString(), "PATH", "/usr/bin:/bin");
            AppDirs dirs = AppDirs.of(env, tmp.resolve("home").toString());
            new SettingsStore(dirs.settingsFile()).save(Settings.defaults().withInstance(InstanceSettings.of(server.url())));
            new WorkspaceRoots(dirs).save(List.of(workspace)); // what the window's "Add folder" writes
            FileTokenStore tokens = new FileTokenStore(dirs.credentialsFile(), "test");
            tokens.store(server.url(), Secret.of(server.ownerToken()));

            CollectionResult tab;
            try (AppServices services = AppServices.create(dirs, env::get, tokens, ClientFactory.DEFAULT, Clock.systemUTC(), null)) {
                List<Path> roots = WorkspaceRootsStore.of(new WorkspaceRoots(dirs)).load();
                TokensServices wiring = DkmApplication.tokensServices(services,
                        () -> RepoScan.withDefaults().scan(roots, Progress.NONE));
                tab = wiring.collect().run(Progress.NONE);
            }

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), env::get, dirs, () -> tokens,
                    ClientFactory.DEFAULT, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true));
            int exit = DkmCli.commandLine(context).execute("tokens", "--json");

            assertThat(exit).as(err.toString()).isZero();
            Set<String> cli = JsonParser.parseString(out.toString()).getAsJsonArray().asList().stream()
                    .map(JsonElement::getAsJsonObject).map(o -> o.get("id").getAsString()).collect(Collectors.toSet());
            Set<String> shown = tab.items().stream().map(CredentialItem::id).collect(Collectors.toSet());
            assertThat(shown).hasSizeGreaterThan(5);
            assertThat(cli).isEqualTo(shown);
            assertThat(tab.items().stream().filter(i -> !i.dependents().isEmpty())).as("repositories of the roots were seen").isNotEmpty();
            List<String> cliNotes = err.toString().lines().filter(l -> l.startsWith("note: ")).map(l -> l.substring(6)).toList();
            assertThat(cliNotes).containsExactlyInAnyOrderElementsOf(tab.notes());
        }
    }
}
