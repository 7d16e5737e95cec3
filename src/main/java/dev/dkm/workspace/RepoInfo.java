package dev.dkm.workspace;

import dev.dkm.remote.UrlRedactor;
import dev.dkm.files.PathNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the scan knows about one repository, ready to show: nothing in here is a raw secret except the
 * {@link dev.dkm.remote.Secret}s inside {@link RemoteInfo#tokens()}.
 *
 * @param path         the working tree (or the git dir itself for a bare repository)
 * @param root         the workspace root it was found under
 * @param gitDir       the git directory
 * @param branch       the current branch, or null (detached, unborn, unreadable)
 * @param statusReason one line for people: why {@code status} is what it is
 * @param environment  the environment the repository lives in (another account or container, whose helper scanned
 *                     it and does every local step of its setup), null for the caller's own account
 */
public record RepoInfo(
        Path path,
        Path root,
        Path gitDir,
        RepoLayout layout,
        String branch,
        RepoStatus status,
        String statusReason,
        SshCommandInfo sshCommand,
        List<RemoteInfo> remotes,
        String environment) {

    public RepoInfo {
        remotes = List.copyOf(remotes);
        statusReason = UrlRedactor.redact(statusReason);
    }

    /** A repository of the caller's own account. */
    public RepoInfo(Path path, Path root, Path gitDir, RepoLayout layout, String branch, RepoStatus status,
            String statusReason, SshCommandInfo sshCommand, List<RemoteInfo> remotes) {
        this(path, root, gitDir, layout, branch, status, statusReason, sshCommand, remotes, null);
    }

    public RepoInfo inEnvironment(String id) {
        return new RepoInfo(path, root, gitDir, layout, branch, status, statusReason, sshCommand, remotes, id);
    }

    public boolean bare() {
        return layout == RepoLayout.BARE;
    }

    /**
     * The path relative to its workspace root, for display ({@code .} for the root itself): bytes that are not
     * UTF-8 as {@code \xNN}, control characters (a newline, an escape code in a folder name) escaped.
     */
    public String relativePath() {
        Path rel = root.relativize(path);
        return rel.toString().isEmpty() ? "." : PathNames.display(rel);
    }

    /** The absolute path for display, escaped as {@link #relativePath()}. */
    public String displayPath() {
        return PathNames.display(path);
    }

    /** {@code origin} if there is one, else the first remote. */
    public Optional<RemoteInfo> primaryRemote() {
        return remotes.stream().filter(r -> r.name().equals("origin")).findFirst()
                .or(() -> remotes.stream().findFirst());
    }
}
