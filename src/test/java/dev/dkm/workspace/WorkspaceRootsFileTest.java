package dev.dkm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceRootsFileTest {
    @TempDir
    Path temp;

    @Test
    void nothing_saved_yet_loads_as_empty() {
        assertThat(new WorkspaceRootsFile(temp.resolve("cfg/" + WorkspaceRootsFile.FILE_NAME)).load()).isEmpty();
    }

    @Test
    void saved_roots_come_back_in_order_without_duplicates_and_no_temp_file_is_left() throws Exception {
        WorkspaceRootsFile store = new WorkspaceRootsFile(temp.resolve("cfg/" + WorkspaceRootsFile.FILE_NAME));
        Path b = temp.resolve("b");
        Path a = temp.resolve("a");

        store.save(List.of(b, a, b));

        assertThat(store.load()).containsExactly(b, a);
        try (var files = Files.list(temp.resolve("cfg"))) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void saving_again_replaces_the_list() {
        WorkspaceRootsFile store = new WorkspaceRootsFile(temp.resolve(WorkspaceRootsFile.FILE_NAME));
        store.save(List.of(temp.resolve("a")));
        store.save(List.of());
        assertThat(store.load()).isEmpty();
    }

    @Test
    void the_config_dir_prefers_dkm_config_dir_then_xdg_then_home() {
        assertThat(WorkspaceRootsFile.defaultConfigDir(Map.of("DKM_CONFIG_DIR", "/c", "XDG_CONFIG_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/c"));
        assertThat(WorkspaceRootsFile.defaultConfigDir(Map.of("XDG_CONFIG_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/x/dkm"));
        assertThat(WorkspaceRootsFile.defaultConfigDir(Map.of(), "/h")).isEqualTo(Path.of("/h/.config/dkm"));
    }
}
