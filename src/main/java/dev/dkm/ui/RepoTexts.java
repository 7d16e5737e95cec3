package dev.dkm.ui;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.TokenKind;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoLayout;
import dev.dkm.workspace.RepoStatus;
import java.util.Optional;

/** The words the window uses for the scan's records: one place, so the table, details and filter agree. */
public final class RepoTexts {
    public static final String NONE = "—";

    private RepoTexts() {}

    public static String status(RepoStatus status) {
        return switch (status) {
            case TOKEN_IN_URL -> "Token in URL";
            case TOKEN_IN_CREDENTIALS -> "Stored token"; // a credential-store entry or an http.extraHeader
            case WIRED -> "Wired";
            case KEY_MISSING -> "Key missing";
            case SSH_DEFAULT_KEY -> "SSH, default key";
            case HTTPS_NO_TOKEN -> "HTTPS, no token";
            case LOCAL_REMOTE -> "Local remote";
            case NO_REMOTE -> "No remote";
            case ERROR -> "Error";
        };
    }

    public static String remoteKind(RemoteKind kind) {
        return switch (kind) {
            case SSH -> "SSH";
            case HTTPS -> "HTTPS";
            case HTTPS_TOKEN -> "HTTPS + token";
            case FILE -> "File";
            case OTHER -> "Other";
        };
    }

    /** Empty for {@link TokenKind#NONE}: the column stays quiet where there is nothing to worry about. */
    public static String tokenKind(TokenKind kind) {
        return kind == null || kind == TokenKind.NONE ? "" : kind.id();
    }

    public static String layout(RepoLayout layout) {
        return switch (layout) {
            case NORMAL -> "Working tree";
            case WORKTREE -> "Linked worktree";
            case SUBMODULE -> "Submodule";
            case BARE -> "Bare repository";
        };
    }

    public static String branch(RepoInfo repo) {
        return repo.branch() == null ? NONE : repo.branch();
    }

    /** The GitLab project path of the primary remote, or empty. */
    public static String project(RepoInfo repo) {
        return repo.primaryRemote().map(RemoteInfo::projectPath).orElse("");
    }

    /** The host (and port, when not the default) of the primary remote, or empty. */
    public static String host(RepoInfo repo) {
        return repo.primaryRemote().map(RepoTexts::host).orElse("");
    }

    public static String host(RemoteInfo remote) {
        if (remote.host() == null) {
            return "";
        }
        return remote.port() == null ? remote.host() : remote.host() + ":" + remote.port();
    }

    /** The most telling token kind among the remotes: the first one that is not {@code none}. */
    public static TokenKind tokenKind(RepoInfo repo) {
        return repo.remotes().stream().map(RemoteInfo::tokenKind)
                .filter(k -> k != null && k != TokenKind.NONE).findFirst().orElse(TokenKind.NONE);
    }

    /** The first identity file {@code core.sshCommand} names, if any. */
    public static Optional<KeyFileInfo> identityFile(RepoInfo repo) {
        return repo.sshCommand() == null ? Optional.empty() : repo.sshCommand().identityFiles().stream().findFirst();
    }

    /** The identity file's name as the key column shows it, or empty. */
    public static String keyName(RepoInfo repo) {
        return identityFile(repo).map(RepoTexts::fileName).orElse("");
    }

    public static String fileName(KeyFileInfo key) {
        if (key.resolved() != null && key.resolved().getFileName() != null) {
            return key.resolved().getFileName().toString();
        }
        String written = key.written() == null ? "" : key.written();
        int slash = written.lastIndexOf('/');
        return slash >= 0 ? written.substring(slash + 1) : written;
    }

    /** A key ssh would refuse or cannot find. */
    public static boolean hasProblem(KeyFileInfo key) {
        return !key.exists() || key.tooOpen();
    }

    /** One line about a key file: where it is, and what is wrong with it. */
    public static String keyState(KeyFileInfo key) {
        if (!key.exists()) {
            return "missing";
        }
        String perms = key.permissions() == null ? "permissions unknown" : key.permissions();
        return key.tooOpen() ? perms + " — too open, ssh will refuse it" : perms;
    }

    public static String identitiesOnly(Boolean value) {
        return value == null ? "not set" : value ? "yes" : "no";
    }
}
