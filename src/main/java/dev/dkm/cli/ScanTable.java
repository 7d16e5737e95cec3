package dev.dkm.cli;

import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The default {@code dkm scan} output: one aligned row per repository (every URL already redacted). */
final class ScanTable {
    private static final String[] HEADER = {"PATH", "STATUS", "KIND", "TOKEN", "PROJECT", "KEY"};

    private ScanTable() {}

    static String write(List<RepoInfo> repos) {
        return write(repos, null);
    }

    /** With {@code server} (null: not asked), a last GITLAB column says what GitLab knows of each repository's key. */
    static String write(List<RepoInfo> repos, Map<Path, ServerKeyStatus> server) {
        List<String[]> rows = new ArrayList<>();
        String[] header = server == null ? HEADER : append(HEADER, "GITLAB");
        rows.add(header);
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
            rows.add(row);
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
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

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
