package dev.dkm.gitconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.remote.Secret;
import dev.dkm.testsupport.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitConfigEditorTest {
    private static final String TOKEN = "glpat-AbCdEfGhIjKlMnOpQrSt";
    private static final Pattern GLPAT = Pattern.compile("glpat-[A-Za-z0-9_-]+");
    private static final UnaryOperator<String> REDACT = v -> {
        Matcher m = GLPAT.matcher(v);
        return m.replaceAll(r -> Matcher.quoteReplacement(Secret.redact(r.group())));
    };

    @TempDir Path tmp;
    private Path repo;
    private GitConfigEditor editor;

    @BeforeEach
    void realRepositoryWithATokenRemote() throws Exception {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git("init", "-q", "-b", "main");
        git("remote", "add", "origin", "https://oauth2:" + TOKEN + "@gitlab.example.com/group/app.git");
        git("config", "--add", "remote.origin.pushurl", "https://oauth2:" + TOKEN + "@gitlab.example.com/group/app.git");
        git("config", "url.https://oauth2:" + TOKEN + "@gitlab.example.com/.insteadOf", "https://gitlab.example.com/");
        Path config = repo.resolve(".git/config");
        Files.writeString(config, "# my own comment, keep me\n" + Files.readString(config));
        editor = GitConfigEditor.forGitDir(repo.resolve(".git"));
    }

    private List<ConfigOp> wireOps() {
        return List.of(
                ConfigOp.Set.one("core", null, "sshCommand", "ssh -i '/keys/my key' -o IdentitiesOnly=yes"),
                ConfigOp.Set.one("remote", "origin", "url", "git@gitlab.example.com:group/app.git"),
                new ConfigOp.Unset("remote", "origin", "pushurl"),
                new ConfigOp.RemoveSection("url", "https://oauth2:" + TOKEN + "@gitlab.example.com/"));
    }

    @Test
    void the_plan_shows_before_and_after_with_tokens_redacted() throws Exception {
        List<ConfigChange> plan = editor.plan(wireOps(), REDACT);

        assertThat(plan).extracting(ConfigChange::describe).containsExactly(
                "core.sshCommand: (unset) → ssh -i '/keys/my key' -o IdentitiesOnly=yes",
                "remote.origin.url: https://oauth2:glpat-…QrSt@gitlab.example.com/group/app.git → git@gitlab.example.com:group/app.git",
                "remote.origin.pushurl: https://oauth2:glpat-…QrSt@gitlab.example.com/group/app.git → (unset)",
                "url.https://oauth2:glpat-…QrSt@gitlab.example.com/: insteadOf = https://gitlab.example.com/ → (unset)");
        assertThat(plan.toString()).doesNotContain(TOKEN);
        assertThat(Files.readString(editor.file())).contains(TOKEN); // planning wrote nothing
    }

    @Test
    void apply_writes_what_git_reads_and_keeps_comments() throws Exception {
        ConfigSnapshot before = editor.snapshot();
        editor.apply(before, wireOps());

        assertThat(git("config", "--get", "core.sshCommand")).isEqualTo("ssh -i '/keys/my key' -o IdentitiesOnly=yes");
        assertThat(git("remote", "get-url", "--push", "origin")).isEqualTo("git@gitlab.example.com:group/app.git");
        assertThat(Files.readString(editor.file())).doesNotContain(TOKEN).contains("# my own comment, keep me");
        assertThat(repo.resolve(".git/config.lock")).doesNotExist();
    }

    @Test
    void restore_puts_back_the_exact_bytes() throws Exception {
        byte[] original = Files.readAllBytes(editor.file());
        ConfigSnapshot undo = editor.apply(editor.snapshot(), wireOps());

        editor.restore(undo);

        assertThat(Files.readAllBytes(editor.file())).isEqualTo(original);
    }

    @Test
    void a_file_changed_since_the_plan_is_not_overwritten() throws Exception {
        ConfigSnapshot planned = editor.snapshot();
        git("config", "user.name", "Someone Else");
        byte[] meanwhile = Files.readAllBytes(editor.file());

        assertThatThrownBy(() -> editor.apply(planned, wireOps())).isInstanceOf(ConfigChangedMeanwhileException.class);
        assertThat(Files.readAllBytes(editor.file())).isEqualTo(meanwhile);
    }

    @Test
    void a_held_lock_stops_the_write_and_leaves_the_file_alone() throws Exception {
        byte[] original = Files.readAllBytes(editor.file());
        Files.writeString(repo.resolve(".git/config.lock"), "git is busy");

        assertThatThrownBy(() -> editor.apply(editor.snapshot(), wireOps())).hasMessageContaining("cannot lock");
        assertThat(Files.readAllBytes(editor.file())).isEqualTo(original);
        assertThat(Files.readString(repo.resolve(".git/config.lock"))).isEqualTo("git is busy");
    }

    @Test
    void snapshots_survive_a_base64_round_trip_for_journals() throws Exception {
        ConfigSnapshot s = editor.snapshot();
        assertThat(ConfigSnapshot.fromBase64(s.file(), s.contentBase64())).isEqualTo(s);
    }

    private String git(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return Processes.run(repo, tmp, cmd).assertOk().stdout().strip();
    }
}
