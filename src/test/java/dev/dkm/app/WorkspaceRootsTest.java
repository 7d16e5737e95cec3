package dev.dkm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.workspace.WorkspaceRootsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace roots live in the settings only; the old workspace-roots.txt is moved over once and deleted. */
class WorkspaceRootsTest {
    @TempDir Path tmp;

    private AppDirs dirs() {
        return AppDirs.of(Map.of("DKM_CONFIG_DIR", tmp.resolve("config").toString()), tmp.toString());
    }

    @Test
    void the_old_file_is_merged_into_the_settings_once_then_deleted_and_the_rest_of_the_settings_stays() {
        Path oldFile = tmp.resolve("config").resolve(WorkspaceRootsFile.FILE_NAME);
        new WorkspaceRootsFile(oldFile).save(List.of(tmp.resolve("old-a"), tmp.resolve("both")));
        SettingsStore store = SettingsStore.at(dirs());
        store.save(Settings.defaults().withInstance(InstanceSettings.of("https://gitlab.example.com"))
                .withWorkspaceRoots(List.of(tmp.resolve("both"), tmp.resolve("settings-b"))));

        List<Path> roots = new WorkspaceRoots(dirs()).load();

        assertThat(roots).containsExactly(tmp.resolve("both"), tmp.resolve("settings-b"), tmp.resolve("old-a"));
        assertThat(Files.exists(oldFile)).isFalse();
        assertThat(store.load().workspaceRoots()).isEqualTo(roots);
        assertThat(store.load().instances()).extracting(InstanceSettings::baseUrl).containsExactly("https://gitlab.example.com");
        assertThat(new WorkspaceRoots(dirs()).load()).isEqualTo(roots);
    }

    @Test
    void saving_the_roots_keeps_an_instance_another_process_added_meanwhile() {
        WorkspaceRoots roots = new WorkspaceRoots(dirs());
        roots.save(List.of(tmp.resolve("a")));
        SettingsStore store = SettingsStore.at(dirs());
        store.save(store.load().withInstance(InstanceSettings.of("https://gitlab.example.com")));

        roots.save(List.of(tmp.resolve("a"), tmp.resolve("b"), tmp.resolve("a")));

        assertThat(store.load().workspaceRoots()).containsExactly(tmp.resolve("a"), tmp.resolve("b"));
        assertThat(store.load().instances()).hasSize(1);
        assertThat(Files.exists(tmp.resolve("config").resolve(WorkspaceRootsFile.FILE_NAME))).isFalse();
    }
}
