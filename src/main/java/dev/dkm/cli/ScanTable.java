package dev.dkm.cli;

import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import java.util.ArrayList;
import java.util.List;

/** The default {@code dkm scan} output: one aligned row per repository (every URL already redacted). */
final class ScanTable {
    private static final String[] HEADER = {"PATH", "STATUS", "KIND", "TOKEN", "PROJECT", "KEY"};

    private ScanTable() {}

    static String write(List<RepoInfo> repos) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RepoInfo r : repos) {
            RemoteInfo remote = r.primaryRemote().orElse(null);
            rows.add(new String[] {
                r.relativePath(),
                r.status().id(),
                remote == null ? "-" : remote.kind().id(),
                remote == null ? "-" : remote.tokenKind().id(),
                remote == null || remote.projectPath() == null ? "-" : remote.projectPath(),
                key(r)});
        }
        int[] widths = new int[HEADER.length];
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

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
