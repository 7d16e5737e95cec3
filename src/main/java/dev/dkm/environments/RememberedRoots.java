package dev.dkm.environments;

import dev.dkm.settings.AppDirs;
import dev.dkm.settings.SettingsStore;
import dev.dkm.workspace.WorkspaceRootsFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/** The workspace roots this account's dkm remembers (the window's workspace bar), else its home folder. */
final class RememberedRoots {
    private RememberedRoots() {}

    static List<Path> orHome(Path home) {
        LinkedHashSet<Path> saved = new LinkedHashSet<>();
        try {
            saved.addAll(WorkspaceRootsFile.inDefaultConfigDir().load());
        } catch (RuntimeException e) {
            // unreadable: the home folder it is
        }
        try {
            saved.addAll(SettingsStore.at(AppDirs.system()).load().workspaceRoots());
        } catch (RuntimeException e) {
            // idem
        }
        return saved.isEmpty() ? List.of(home) : List.copyOf(saved);
    }
}
