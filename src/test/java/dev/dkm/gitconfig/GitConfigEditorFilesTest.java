package dev.dkm.gitconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.files.UnreadableFileException;
import dev.dkm.testsupport.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the editor treats the file itself, as git does: the mode is kept, a symbolic link is written through, git's
 * lock is shared with real git, bytes that are not UTF-8 survive, and a FIFO is a reason rather than a hang.
 */
class GitConfigEditorFilesTest {
    private static final String SECRET = "oauth2:not-a-real-secret-0123";

    @TempDir Path tmp;
    private Path repo;

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        git("init", "-q", "-b", "main");
        git("remote", "add", "origin", "https://" + SECRET + "@gitlab.example.com/group/app.git");
    }

    private Processes.Result git(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        return Processes.run(repo, tmp, cmd).assertOk();
    }

    private static List<ConfigOp> wire() {
        return List.of(ConfigOp.Set.one("remote", "origin", "url", "git@gitlab.example.com:group/app.git"),
                ConfigOp.Set.one("core", null, "sshCommand", "ssh -i /keys/k -o IdentitiesOnly=yes"));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_0600_config_stays_0600_after_apply_and_after_restore() throws Exception {
        Path config = repo.resolve(".git/config");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        GitConfigEditor editor = GitConfigEditor.forGitDir(repo.resolve(".git"));
        ConfigSnapshot before = editor.snapshot();

        editor.apply(before, wire());
        assertThat(mode(config)).isEqualTo("rw-------");
        assertThat(git("config", "remote.origin.url").stdout().strip()).isEqualTo("git@gitlab.example.com:group/app.git");

        editor.restore(before);
        assertThat(mode(config)).as("the token is back: the file must not be world-readable").isEqualTo("rw-------");
        assertThat(Files.readAllBytes(config)).isEqualTo(before.content());
    }

    @Test
    void a_symlinked_config_is_written_through_and_the_token_leaves_the_target() throws Exception {
        Path config = repo.resolve(".git/config");
        Path kept = Files.createDirectories(tmp.resolve("dotfiles")).resolve("app.gitconfig");
        Files.move(config, kept);
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(config, kept);
        GitConfigEditor editor = GitConfigEditor.forGitDir(repo.resolve(".git"));
        ConfigSnapshot before = editor.snapshot();

        editor.apply(before, wire());

        assertThat(Files.isSymbolicLink(config)).as("git writes through the link; so do we").isTrue();
        assertThat(Files.readString(kept)).doesNotContain(SECRET).contains("git@gitlab.example.com:group/app.git");
        assertThat(mode(kept)).isEqualTo("rw-------");
        assertThat(Files.exists(kept.resolveSibling("app.gitconfig.lock"))).isFalse();
        // git agrees, and can still write the config through the link after us
        git("config", "user.name", "After");
        assertThat(Files.isSymbolicLink(config)).isTrue();

        editor.restore(new ConfigSnapshot(config, Files.readAllBytes(kept)));
        assertThat(Files.isSymbolicLink(config)).isTrue();
    }

    @Test
    void a_config_lock_held_by_git_stops_the_write_with_a_reason() throws Exception {
        Path config = repo.resolve(".git/config");
        GitConfigEditor editor = GitConfigEditor.forGitDir(repo.resolve(".git"));
        ConfigSnapshot before = editor.snapshot();
        Files.writeString(repo.resolve(".git/config.lock"), "");
        assertThatThrownBy(() -> editor.apply(before, wire())).hasMessageContaining("config.lock");
        assertThat(Files.readAllBytes(config)).isEqualTo(before.content());
        assertThat(repo.resolve(".git/config.lock")).exists();
    }

    @Test
    void a_config_that_is_not_utf8_keeps_its_bytes() throws Exception {
        Path config = repo.resolve(".git/config");
        byte[] latin1 = "[user]\n\tname = J\u00fcrgen M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] original = Files.readAllBytes(config);
        byte[] withName = new byte[original.length + latin1.length];
        System.arraycopy(original, 0, withName, 0, original.length);
        System.arraycopy(latin1, 0, withName, original.length, latin1.length);
        Files.write(config, withName);
        GitConfigEditor editor = GitConfigEditor.forGitDir(repo.resolve(".git"));

        assertThat(editor.plan(wire(), UnaryOperator.identity())).hasSize(2);
        editor.apply(editor.snapshot(), wire());

        byte[] after = Files.readAllBytes(config);
        assertThat(new String(after, StandardCharsets.ISO_8859_1)).contains("\tname = J\u00fcrgen M\u00fcller\n")
                .contains("git@gitlab.example.com:group/app.git").doesNotContain(SECRET);
        assertThat(git("config", "remote.origin.url").stdout().strip()).isEqualTo("git@gitlab.example.com:group/app.git");
        assertThatThrownBy(() -> editor.apply(editor.snapshot(),
                List.of(ConfigOp.Set.one("core", null, "sshCommand", "ssh -i /home/j\u00fcrgen/k"))))
                .hasMessageContaining("is not UTF-8");
    }

    @Test
    @Timeout(30)
    void a_fifo_named_config_is_a_reason_not_a_hang() throws Exception {
        Path config = repo.resolve(".git/config");
        Files.delete(config);
        assertThat(new ProcessBuilder("mkfifo", config.toString()).start().waitFor()).isZero();
        GitConfigEditor editor = GitConfigEditor.forGitDir(repo.resolve(".git"));
        assertThatThrownBy(editor::snapshot).isInstanceOf(UnreadableFileException.class).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> editor.plan(wire(), UnaryOperator.identity())).isInstanceOf(UnreadableFileException.class);
    }
}
