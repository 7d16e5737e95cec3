package dev.dkm.cli;

import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.files.PathNames;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The default {@code dkm scan} output: one aligned row per repository (every URL already redacted). */
final class ScanTable {
    private static final String[] HEADER = {"PATH", "STATUS", "KIND", "TOKEN", "PROJECT", "KEY"};

    private ScanTable() {}

    static String write(List<RepoInfo> repos) {
        return write(repos, null);
    }

    /** With {@code server} (null: not asked), a last GITLAB column says what GitLab knows of each repository's key. */
    static String write(List<RepoInfo> repos, Map<Path, ServerKeyStatus> server) {
        return write(repos, server, null);
    }

    /** With {@code environmentOf} (not null), a first ENV column names each repository's environment. */
    static String write(List<RepoInfo> repos, Map<Path, ServerKeyStatus> server, Function<RepoInfo, String> environmentOf) {
        String[] header = server == null ? HEADER : append(HEADER, "GITLAB");
        if (environmentOf != null) {
            header = prepend("ENV", header);
        }
        TextTable table = new TextTable(header);
        for (RepoInfo r : repos) {
            RemoteInfo remote = r.primaryRemote().orElse(null);
            String[] row = {
                r.relativePath(),
                r.status().id(),
                remote == null ? "-" : remote.kind().id(),
                remote == null ? "-" : remote.tokenKind().id(),
                remote == null || remote.projectPath() == null ? "-" : remote.projectPath(),
                key(r)};
            if (server != null) {
                ServerKeyStatus s = server.get(r.path());
                row = append(row, s == null ? "-" : s.state().id()
                        + (s.detail() == null ? "" : ": " + s.detail()));
            }
            if (environmentOf != null) {
                row = prepend(environmentOf.apply(r), row);
            }
            table.row(row);
        }
        return table.toString();
    }

    /** One line per repository that could not be read: where, and why (for stderr, after the table). */
    static List<String> problems(List<RepoInfo> repos) {
        List<String> lines = new ArrayList<>();
        for (RepoInfo r : repos) {
            if (r.status() == RepoStatus.ERROR && r.statusReason() != null) {
                lines.add(r.relativePath() + ": " + PathNames.visible(r.statusReason()));
            }
        }
        return lines;
    }

    private static String key(RepoInfo r) {
        List<KeyFileInfo> keys = r.sshCommand().identityFiles();
        if (keys.isEmpty()) {
            return "-";
        }
        KeyFileInfo k = keys.get(0);
        return k.written() + (k.exists() ? "" : " (missing)") + (k.tooOpen() ? " (too open)" : "");
    }

    private static String[] append(String[] row, String value) {
        String[] longer = java.util.Arrays.copyOf(row, row.length + 1);
        longer[row.length] = value;
        return longer;
    }

    private static String[] prepend(String value, String[] row) {
        String[] longer = new String[row.length + 1];
        longer[0] = value;
        System.arraycopy(row, 0, longer, 1, row.length);
        return longer;
    }
}
