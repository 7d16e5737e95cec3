package dev.dkm.ui;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.Secret;
import dev.dkm.remote.TokenKind;
import dev.dkm.workspace.FoundToken;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoLayout;
import dev.dkm.workspace.RepoStatus;
import dev.dkm.workspace.SshCommandInfo;
import java.nio.file.Path;
import java.util.List;

/** Scan results as the full scanner fills them in, for view model tests and the look test. */
final class SampleRepos {
    static final Path ROOT = Path.of("/home/dev/work");
    static final String HOST = "gitlab.example.com";
    static final String RAW_TOKEN = "glpat-abcdefghijklmnopqrstuvwx";

    private SampleRepos() {}

    static RemoteInfo ssh(String name, String project) {
        String url = "git@" + HOST + ":" + project + ".git";
        return new RemoteInfo(name, url, List.of(), url, List.of(url), "ssh", RemoteKind.SSH, TokenKind.NONE,
                HOST, null, project, List.of());
    }

    static RemoteInfo https(String project) {
        String url = "https://" + HOST + "/" + project + ".git";
        return new RemoteInfo("origin", url, List.of(), url, List.of(url), "https", RemoteKind.HTTPS, TokenKind.NONE,
                HOST, null, project, List.of());
    }

    static RemoteInfo token(String project, TokenKind kind, String user) {
        Secret secret = Secret.of(RAW_TOKEN);
        String url = "https://" + user + ":" + secret.redacted() + "@" + HOST + "/" + project + ".git";
        return new RemoteInfo("origin", url, List.of(), url, List.of(url), "https", RemoteKind.HTTPS_TOKEN, kind,
                HOST, null, project, List.of(new FoundToken("url", kind, user, secret)));
    }

    static RemoteInfo file(String path) {
        String url = "file://" + path;
        return new RemoteInfo("origin", url, List.of(), url, List.of(url), "file", RemoteKind.FILE, TokenKind.NONE,
                null, null, null, List.of());
    }

    static SshCommandInfo wiredTo(String keyName, boolean exists, boolean tooOpen) {
        Path key = Path.of("/home/dev/.ssh/dkm", keyName);
        return new SshCommandInfo("ssh -i " + key + " -o IdentitiesOnly=yes",
                List.of(new KeyFileInfo(key.toString(), key, exists, exists ? (tooOpen ? "rw-r--r--" : "rw-------") : null, tooOpen)),
                true);
    }

    static RepoInfo repo(String relative, RepoStatus status, String reason, SshCommandInfo ssh, RemoteInfo... remotes) {
        Path path = ROOT.resolve(relative);
        return new RepoInfo(path, ROOT, path.resolve(".git"), RepoLayout.NORMAL, "main", status, reason, ssh, List.of(remotes));
    }

    /** A workspace with one repository of every status. */
    static List<RepoInfo> everyStatus() {
        return List.of(
                repo("payments/api", RepoStatus.TOKEN_IN_URL, "origin URL carries a personal access token",
                        SshCommandInfo.NONE, token("payments/api", TokenKind.PERSONAL, "oauth2")),
                repo("payments/worker", RepoStatus.TOKEN_IN_URL, "origin URL carries a deploy token",
                        SshCommandInfo.NONE, token("payments/worker", TokenKind.DEPLOY, "gitlab+deploy-token-12")),
                repo("platform/api", RepoStatus.WIRED, "core.sshCommand uses its own key",
                        wiredTo("platform_api_ed25519", true, false), ssh("origin", "platform/api")),
                repo("platform/infra", RepoStatus.WIRED, "core.sshCommand uses its own key",
                        wiredTo("platform_infra_ed25519", true, false), ssh("origin", "platform/infra")),
                repo("platform/legacy", RepoStatus.KEY_MISSING, "identity file is readable by others: ssh refuses it",
                        wiredTo("legacy_ed25519", true, true), ssh("origin", "platform/legacy")),
                repo("tools/scripts", RepoStatus.KEY_MISSING, "identity file does not exist",
                        wiredTo("scripts_ed25519", false, false), ssh("origin", "ops/scripts")),
                repo("web/frontend", RepoStatus.SSH_DEFAULT_KEY, "ssh picks whatever key it finds",
                        SshCommandInfo.NONE, ssh("origin", "web/frontend"), ssh("upstream", "web/frontend-upstream")),
                repo("web/docs", RepoStatus.HTTPS_NO_TOKEN, "credentials come from a helper or a prompt",
                        SshCommandInfo.NONE, https("web/docs")),
                repo("tools/mirror", RepoStatus.LOCAL_REMOTE, "only a file remote", SshCommandInfo.NONE,
                        file("/srv/git/mirror.git")),
                repo("sandbox/notes", RepoStatus.NO_REMOTE, "no remote configured", SshCommandInfo.NONE),
                repo("broken/repo", RepoStatus.ERROR, "config: bad section header at line 3", SshCommandInfo.NONE));
    }
}
