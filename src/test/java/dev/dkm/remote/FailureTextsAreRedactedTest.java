package dev.dkm.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.journal.JournalEntry;
import dev.dkm.setup.SetupStep;
import dev.dkm.setup.StepOutcome;
import dev.dkm.tokens.RotationStep;
import dev.dkm.tokens.StepReport;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoLayout;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.SshCommandInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 10 / DESIGN "every free-text failure passes one redaction choke point": the types that carry a
 * failure text to the screen, a journal or an export redact it when built, so no caller can forget to.
 */
class FailureTextsAreRedactedTest {
    /** What git prints when a fetch through a token URL fails; the exception message that carries it. */
    private static final String LEAK = "fatal: unable to access 'https://oauth2:glpat-abcdefghijklmnopqrst@gitlab.example.com/g/p.git/': "
            + "403; retried with https://bob:hunter2hunter2@h/ and glpat-zyxwvutsrqponmlkjihg";

    private static void assertClean(String text) {
        assertThat(text).doesNotContain("abcdefghijklmnop").doesNotContain("hunter2hunter2").doesNotContain("zyxwvutsrqponmlk")
                .contains("glpat-…qrst").contains("gitlab.example.com/g/p.git");
    }

    @Test
    void every_carrier_of_a_failure_text_redacts_it() {
        assertClean(new RepoOutcome(Path.of("/r"), "r", "g/p", RepoOutcome.Outcome.FAILED, LEAK, null).reason());
        RepoInfo repo = new RepoInfo(Path.of("/r"), Path.of("/"), Path.of("/r/.git"), RepoLayout.NORMAL, null, RepoStatus.ERROR,
                LEAK, SshCommandInfo.NONE, List.of());
        assertClean(repo.statusReason());
        assertClean(new ConversionItem(repo, ConversionItem.State.SKIP, null, null, LEAK).reason());
        assertClean(new StepOutcome(SetupStep.REGISTER, StepOutcome.Status.FAILED, LEAK).message());
        assertClean(new StepReport(RotationStep.CREATE, StepReport.Status.FAILED, LEAK).detail());
        assertClean(new ServerKeyStatus(ServerKeyStatus.State.NOT_ENABLED, "g/p", null, null, null, LEAK).detail());
        assertClean(new JournalEntry.RepoFinished(Instant.EPOCH, "/r", "failed", LEAK).reason());
        assertThat(new RepoOutcome(Path.of("/r"), "r", "g/p", RepoOutcome.Outcome.CONVERTED, null, 1L).reason()).isNull();
    }
}
