package dev.dkm.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.ProtectedBranch;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.PublicKeyLines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo of the exact-name rule a run creates for its key when only wildcard rules block it, over the real sandbox:
 * the run may have ended between the POST and the journal line that holds the rule's id. GitLab's source:
 * lib/api/protected_branches.rb (GET and DELETE by exact name, find_by!(name:): 404 once gone).
 */
class RunUndoBranchRuleTest {
    @TempDir Path tmp;

    @Test
    void a_rule_announced_but_never_confirmed_is_removed_only_while_it_has_the_shape_dkm_gives_it() throws Exception {
        try (SandboxServer server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
                GitLabClient client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            var w = server.world();
            String instance = server.url();
            long website = w.projectId("acme/website");
            long handbook = w.projectId("acme/handbook");
            long infra = w.projectId("acme/platform/infra");
            int key = w.createDeployKey("acme/website", "k", PublicKeyLines.ed25519("undo-rule"), true, "maria", null);
            w.protectBranch("acme/website", "*", 0);
            w.protectBranch("acme/handbook", "main", 40); // a Maintainer's own rule: not dkm's shape

            Path runs = tmp.resolve("runs");
            try (RunJournal journal = RunJournal.open(runs, "r1")) {
                journal.append(new JournalEntry.RunStarted(Instant.now(), "r1", "setup"));
                for (long project : new long[] {website, handbook, infra}) {
                    journal.append(new JournalEntry.BranchRuleAdded(Instant.now(), "/ws/" + project, instance, project,
                            "main", null));
                }
            }
            // the POST went through for website, then the run was killed before the line with the rule's id
            client.protectBranchForDeployKeyOnly(String.valueOf(website), "main", key);

            UndoReport report = new RunUndo(runs, i -> client, Clock.systemUTC()).undo("r1");

            assertThat(String.join("\n", report.lines()))
                    .contains("/ws/" + website + ": the protected-branch rule main this run created was removed")
                    .contains("/ws/" + handbook + ": the protected-branch rule main on project " + handbook + " kept")
                    .contains("/ws/" + infra + ": the protected-branch rule main was already gone");
            assertThat(client.protectedBranches("acme/website")).extracting(ProtectedBranch::name).containsExactly("*");
            assertThat(client.protectedBranches("acme/handbook")).extracting(ProtectedBranch::name).containsExactly("main");
        }
    }
}
