package dev.dkm.gitconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's own lines, and nothing else, come back out of a config: byte for byte, around edits, or not at all. */
class ConfigPatchTest {
    private static final String TOKEN_URL = "https://oauth2:not-a-real-secret-0000@gitlab.example.com/g/p.git";
    @TempDir Path tmp;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Path config(String content) throws Exception {
        Path file = tmp.resolve("config");
        Files.write(file, b(content));
        return file;
    }

    private static List<ConfigOp> convertOps() {
        return List.of(ConfigOp.Set.one("core", null, "sshCommand", "ssh -i /k -o IdentitiesOnly=yes"),
                ConfigOp.Set.one("remote", "origin", "url", "git@gitlab.example.com:g/p.git"),
                new ConfigOp.Unset("remote", "origin", "pushurl"));
    }

    @Test
    void odd_bytes_crlf_and_a_missing_final_newline_come_back_byte_for_byte() throws Exception {
        String original = "# caf\u00e9 \u00ff\r\n[core]\r\n\tbare = false\n[remote \"origin\"]\n\turl = " + TOKEN_URL
                + "\n\tpushurl = " + TOKEN_URL + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*";
        Path file = config(original);
        GitConfigEditor editor = new GitConfigEditor(file);
        ConfigSnapshot before = editor.snapshot();
        byte[] written = editor.render(before, convertOps());
        ConfigPatch patch = ConfigPatch.between(before.content(), written);
        editor.write(before, written);

        ConfigPatch.Revert revert = editor.revert(patch);

        assertThat(revert.state()).isEqualTo(ConfigPatch.Revert.State.RESTORED);
        assertThat(Files.readAllBytes(file)).isEqualTo(b(original));
        assertThat(editor.revert(patch).state()).isEqualTo(ConfigPatch.Revert.State.NOTHING_TO_DO);
    }

    @Test
    void edits_made_after_the_run_stay_and_the_runs_lines_are_reverted() throws Exception {
        String original = "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = " + TOKEN_URL + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n";
        Path file = config(original);
        GitConfigEditor editor = new GitConfigEditor(file);
        ConfigSnapshot before = editor.snapshot();
        byte[] written = editor.render(before, convertOps());
        ConfigPatch patch = ConfigPatch.between(before.content(), written);
        editor.write(before, written);
        Files.writeString(file, "# mine\n" + Files.readString(file) + "[user]\n\temail = me@example.invalid\n");

        ConfigPatch.Revert revert = editor.revert(patch);

        assertThat(revert.state()).isEqualTo(ConfigPatch.Revert.State.MERGED);
        assertThat(Files.readString(file)).isEqualTo("# mine\n" + original + "[user]\n\temail = me@example.invalid\n");
    }

    @Test
    void a_run_line_the_user_changed_is_a_conflict_and_nothing_is_written_nor_shown_of_its_value() throws Exception {
        String original = "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = " + TOKEN_URL + "\n";
        Path file = config(original);
        GitConfigEditor editor = new GitConfigEditor(file);
        ConfigSnapshot before = editor.snapshot();
        byte[] written = editor.render(before, convertOps());
        ConfigPatch patch = ConfigPatch.between(before.content(), written);
        editor.write(before, written);
        String edited = Files.readString(file).replace("IdentitiesOnly=yes", "IdentitiesOnly=yes -v");
        Files.writeString(file, edited);

        ConfigPatch.Revert revert = editor.revert(patch);

        assertThat(revert.state()).isEqualTo(ConfigPatch.Revert.State.CONFLICT);
        assertThat(revert.reason()).contains("sshCommand").doesNotContain("not-a-real-secret").doesNotContain("ssh -i");
        assertThat(Files.readString(file)).isEqualTo(edited);
    }
}
