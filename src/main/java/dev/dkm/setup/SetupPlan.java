package dev.dkm.setup;

import dev.dkm.gitconfig.ConfigChange;
import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.gitconfig.ConfigSnapshot;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.keys.SshPublicKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a setup will do, computed before anything changes, for the user to read (dialog, {@code --dry-run}).
 * Nothing in it is a raw secret: config values are redacted, and tokens are not carried at all.
 *
 * @param generateKey       true when {@link #keyFile} does not exist yet and will be generated
 * @param publicKey         the key's public half when it exists already, else null
 * @param existingKeyId     the deploy key's id when this key is already on the project, else null
 * @param existingCanPush   its {@code can_push} then
 * @param problems          reasons the setup cannot run (nothing will be changed)
 * @param notes             things the user should know that do not stop it
 * @param environment       the environment the repository lives in (its helper does the local steps), null for
 *                          the caller's own account
 */
public record SetupPlan(
        Path repo,
        Path configFile,
        String remote,
        String instanceUrl,
        long projectId,
        String projectPath,
        String sshUrl,
        String defaultBranch,
        Path keyFile,
        boolean generateKey,
        SshPublicKey publicKey,
        String keyTitle,
        boolean canPush,
        LocalDate expiresOn,
        Long existingKeyId,
        Boolean existingCanPush,
        String sshHost,
        int sshPort,
        HostKeyStatus hostKey,
        List<ConfigOp> configOps,
        List<ConfigChange> configChanges,
        ConfigSnapshot originalConfig,
        ProtectedBranchCheck protectedBranch,
        boolean allowProtectedPush,
        List<String> problems,
        List<String> notes,
        String environment) {

    public SetupPlan {
        configOps = List.copyOf(configOps);
        configChanges = List.copyOf(configChanges);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean blocked() {
        return !problems.isEmpty();
    }

    /** True when running it would change nothing: the key is registered as asked, the repo already wired. */
    public boolean alreadyDone() {
        return !generateKey && existingKeyId != null && existingCanPush != null && existingCanPush == canPush
                && configChanges.stream().noneMatch(ConfigChange::changesSomething)
                && hostKey != null && hostKey.state() == HostKeyStatus.State.TRUSTED;
    }

    public String access() {
        return canPush ? "read-write" : "read-only";
    }

    /** The plan as lines of text, the same for the dialog and {@code dkm setup --dry-run}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Repository:  " + repo);
        lines.add("Project:     " + projectPath + " on " + instanceUrl + " (id " + projectId + ")");
        lines.add("Key:         " + keyFile + (generateKey ? " (new Ed25519 key)" : " (existing)"));
        lines.add("Title:       " + keyTitle);
        lines.add("Access:      " + access() + (expiresOn == null ? ", no expiry" : ", expires " + expiresOn));
        if (existingKeyId != null) {
            lines.add("On GitLab:   already deploy key #" + existingKeyId + " (" + (Boolean.TRUE.equals(existingCanPush) ? "read-write" : "read-only") + ")");
        }
        lines.add("Host key:    " + (hostKey == null ? "not checked" : hostKey.state().name().toLowerCase(java.util.Locale.ROOT) + " — " + hostKey.detail()));
        lines.add("Branch:      " + protectedBranch.detail());
        lines.add("Config:      " + configFile);
        for (ConfigChange c : configChanges) {
            if (c.changesSomething()) {
                lines.add("  " + c.describe());
            }
        }
        notes.forEach(n -> lines.add("Note:        " + n));
        problems.forEach(p -> lines.add("Problem:     " + p));
        if (alreadyDone()) {
            lines.add("Nothing to do: this repository is already set up with its deploy key.");
        }
        return lines;
    }
}
