package dev.dkm.workspace;

import dev.dkm.remote.InsteadOfRule;
import dev.dkm.remote.UrlRewriter;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Describes one repository found by the walk. Anything wrong with it (a broken config, an unreadable git dir,
 * a {@code .git} file pointing nowhere) becomes status {@link RepoStatus#ERROR} with a one-line reason: this
 * never throws.
 */
final class RepoReader {
    private final List<InsteadOfRule> globalRules;
    private final SshCommandParser sshCommands;

    RepoReader(List<InsteadOfRule> globalRules, Path home) {
        this.globalRules = List.copyOf(globalRules);
        this.sshCommands = new SshCommandParser(home);
    }

    RepoInfo read(RepoLocation location, Path root) {
        if (location.problem() != null) {
            return error(location, root, location.problem());
        }
        Path configFile = location.commonDir().resolve("config");
        try {
            String branch = HeadReader.branch(location.gitDir());
            Config config = GitConfigs.readIfExists(configFile);
            List<RemoteInfo> remotes = RemoteDescriber.describe(config, rewriter(config));
            SshCommandInfo ssh = sshCommands.parse(config.getString("core", null, "sshCommand"), location.path());
            StatusDecider.Verdict verdict = StatusDecider.decide(remotes, ssh);
            return new RepoInfo(location.path(), root, location.gitDir(), location.layout(), branch, verdict.status(),
                    verdict.reason(), ssh, remotes);
        } catch (ConfigInvalidException e) {
            return error(location, root, configFile + " is not valid git config: " + IoReasons.oneLine(
                    e.getMessage() == null ? "parse error" : e.getMessage()));
        } catch (NoSuchFileException e) {
            return error(location, root, "not a git repository: " + e.getFile() + " is missing");
        } catch (IOException e) {
            return error(location, root, "cannot read the repository: " + IoReasons.of(e));
        } catch (RuntimeException e) {
            return error(location, root, "unexpected failure reading the repository: " + IoReasons.unexpected(e));
        }
    }

    /** Global rules first, then the repository's: git reads them in that order, and a tie goes to the first. */
    private UrlRewriter rewriter(Config config) {
        List<InsteadOfRule> local = GitConfigs.insteadOfRules(config);
        if (local.isEmpty()) {
            return globalRules.isEmpty() ? UrlRewriter.NONE : new UrlRewriter(globalRules);
        }
        List<InsteadOfRule> all = new ArrayList<>(globalRules);
        all.addAll(local);
        return new UrlRewriter(all);
    }

    private static RepoInfo error(RepoLocation location, Path root, String reason) {
        return new RepoInfo(location.path(), root, location.gitDir(), location.layout(), null, RepoStatus.ERROR,
                reason, SshCommandInfo.NONE, List.of());
    }
}
