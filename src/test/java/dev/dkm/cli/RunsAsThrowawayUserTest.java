package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.ThrowawayAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "done when" for runs, as a throwaway account ({@code useradd dkmt11a…}) through the real launcher: two
 * clones of one project, the second with a held {@code config.lock}; {@code dkm convert --yes --jobs 1
 * --revoke-unused-tokens} → the first pushes over SSH and the login token still works; after {@code dkm undo RUN} no
 * copy of the removed token, raw or base64, is left under dkm's folders (~/.config/dkm, ~/.local/share/dkm).
 */
class RunsAsThrowawayUserTest {
    @TempDir Path tmp;

    @Test
    void two_clones_the_second_locked_convert_undo_as_a_throwaway_user() throws Exception {
        try (SandboxServer server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
                ThrowawayAccount account = ThrowawayAccount.create("dkmt11a", tmp)) {
            server.world().createProject("acme/twice", "Twice", "private");
            String urlToken = server.world().createPersonalAccessToken("maria", "in-urls", List.of("api"), null);
            Path ws = account.home().resolve("ws");
            Map<String, String> gitEnv = Map.of("HOME", tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1");
            for (String dir : List.of("a-first", "b-locked")) {
                Path repo = ws.resolve(dir);
                ThrowawayAccount.run(tmp, List.of("git", "clone", "-q", server.repoDir("acme/twice").toString(), repo.toString()), gitEnv).assertOk();
                String url = server.url().replace("http://", "http://oauth2:" + urlToken + "@") + "/acme/twice.git";
                ThrowawayAccount.run(tmp, List.of("git", "-C", repo.toString(), "remote", "set-url", "origin", url), gitEnv).assertOk();
            }
            Files.writeString(ws.resolve("b-locked/.git/config.lock"), "");
            account.own(account.home());
            Map<String, String> login = Map.of("GITLAB_HOST", server.url(), "GITLAB_TOKEN", server.maintainerToken());

            ThrowawayAccount.Result convert = account.dkm(login, "convert", ws.toString(), "--yes", "--jobs", "1",
                    "--revoke-unused-tokens", "--accept-host-key", server.hostKeyFingerprint());

            assertThat(convert.exit()).as(convert.out() + convert.err()).isEqualTo(1);
            assertThat(convert.out()).containsPattern("a-first\\s+converted").containsPattern("b-locked\\s+failed");
            Path first = ws.resolve("a-first");
            Files.writeString(first.resolve("pushed.txt"), "over ssh\n");
            account.own(first);
            Map<String, String> none = Map.of("GIT_CONFIG_NOSYSTEM", "1");
            account.as(none, "git", "-C", first.toString(), "add", "pushed.txt").assertOk();
            account.as(none, "git", "-C", first.toString(), "-c", "user.name=t", "-c", "user.email=t@example.invalid",
                    "commit", "-q", "-m", "over ssh").assertOk();
            account.as(none, "git", "-C", first.toString(), "push", "-q", "origin", "HEAD:refs/heads/from-first").assertOk();
            try (GitLabClient asLogin = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
                assertThat(asLogin.currentUser()).as("the login token still works").isNotNull();
            }

            Matcher run = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]{4})").matcher(convert.out());
            assertThat(run.find()).as(convert.out()).isTrue();
            ThrowawayAccount.Result undo = account.dkm(login, "undo", run.group(1));
            assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
            assertThat(Files.readString(first.resolve(".git/config")).contains(urlToken)).as("the token URL is back").isTrue();
            assertThat(RunOwnershipTest.anyCopyUnder(account.home().resolve(".local/share/dkm"), urlToken))
                    .as("a copy of the removed token under ~/.local/share/dkm").isFalse();
            assertThat(RunOwnershipTest.anyCopyUnder(account.home().resolve(".config/dkm"), urlToken))
                    .as("a copy of the removed token under ~/.config/dkm").isFalse();
            assertThat(Files.isDirectory(account.home().resolve(".local/share/dkm/runs"))).isTrue();
        }
    }
}
