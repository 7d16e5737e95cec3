package dev.dkm.workspace;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.TokenKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Reads one repository's config into a {@link RepoInfo}. Seed implementation. */
final class RepoReader {
    private RepoReader() {}

    static RepoInfo read(Path workTree, Path root) {
        Path gitDir = workTree.resolve(".git");
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            StoredConfig config = repo.getConfig();
            List<RemoteInfo> remotes = new ArrayList<>();
            for (String name : config.getSubsections("remote")) {
                String url = config.getString("remote", name, "url");
                if (url == null) {
                    continue;
                }
                RemoteKind kind = url.startsWith("https://") || url.startsWith("http://") ? RemoteKind.HTTPS
                        : url.contains("@") || url.startsWith("ssh://") ? RemoteKind.SSH : RemoteKind.OTHER;
                remotes.add(new RemoteInfo(name, url, List.of(), url, List.of(), null, kind, TokenKind.NONE,
                        null, null, null, List.of()));
            }
            RepoStatus status = remotes.isEmpty() ? RepoStatus.NO_REMOTE
                    : remotes.get(0).kind() == RemoteKind.SSH ? RepoStatus.SSH_DEFAULT_KEY : RepoStatus.HTTPS_NO_TOKEN;
            return new RepoInfo(workTree, root, gitDir, RepoLayout.NORMAL, repo.getBranch(), status, "",
                    SshCommandInfo.NONE, remotes);
        } catch (IOException | RuntimeException e) {
            return new RepoInfo(workTree, root, gitDir, RepoLayout.NORMAL, null, RepoStatus.ERROR,
                    String.valueOf(e.getMessage()), SshCommandInfo.NONE, List.of());
        }
    }
}
