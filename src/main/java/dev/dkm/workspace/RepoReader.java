package dev.dkm.workspace;

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
    private final ConfigStack stack;
    private final SshCommandParser sshCommands;

    RepoReader(ConfigStack stack, Path home) {
        this.stack = stack;
        this.sshCommands = new SshCommandParser(home);
    }

    RepoReader(GlobalGitConfig global, Path home) {
        this(new ConfigStack(global.withDefaultHome(home)), home);
    }

    RepoInfo read(RepoLocation location, Path root) {
        if (location.problem() != null) {
            return error(location, root, location.problem());
        }
        Path configFile = location.commonDir().resolve("config");
        try {
            String branch = HeadReader.branch(location.gitDir());
            Config config = GitConfigs.readIfExists(configFile);
            List<ConfigLayer> layers = stack.layers(configFile, config, location.gitDir(), branch, new ArrayList<>());
            List<RemoteInfo> remotes = RemoteDescriber.describe(layers, stack);
            SshCommandInfo ssh = sshCommands.parse(lastString(layers, "core", "sshCommand"), location.path());
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

    /** The value git uses for a single-valued key: the last one set in any file it reads. */
    private static String lastString(List<ConfigLayer> layers, String section, String name) {
        String value = null;
        for (ConfigLayer l : layers) {
            String v = l.config().getString(section, null, name);
            if (v != null) {
                value = v;
            }
        }
        return value;
    }

    private static RepoInfo error(RepoLocation location, Path root, String reason) {
        return new RepoInfo(location.path(), root, location.gitDir(), location.layout(), null, RepoStatus.ERROR,
                reason, SshCommandInfo.NONE, List.of());
    }
}
