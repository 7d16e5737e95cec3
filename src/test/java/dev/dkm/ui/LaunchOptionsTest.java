package dev.dkm.ui;

import dev.dkm.settings.Theme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void no_arguments_is_the_normal_window() {
        LaunchOptions options = LaunchOptions.parse(List.of());
        assertThat(options.isSnapshot()).isFalse();
        assertThat(options.workspaces()).isEmpty();
        assertThat(options.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void snapshot_workspace_theme_and_select_in_both_spellings() {
        LaunchOptions options = LaunchOptions.parse(List.of(
                "--snapshot", "out.png", "--workspace=/ws/a", "--workspace", "/ws/b", "--theme", "DARK", "--select=api"));
        assertThat(options.snapshot()).contains(Path.of("out.png"));
        assertThat(options.workspaces()).containsExactly(Path.of("/ws/a"), Path.of("/ws/b"));
        assertThat(options.theme()).isEqualTo(Theme.DARK);
        assertThat(options.select()).contains("api");
    }

    @Test
    void help_is_recognised_anywhere() {
        assertThat(LaunchOptions.isHelp(List.of("--theme", "dark", "--help"))).isTrue();
        assertThat(LaunchOptions.isHelp(List.of("--theme", "dark"))).isFalse();
    }

    @Test
    void unknown_options_and_missing_values_are_refused_with_a_usage_line() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--bogus"))).hasMessageContaining("Usage: dkm gui");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--snapshot"))).hasMessageContaining("Missing value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--theme", "pink"))).hasMessageContaining("light or dark");
    }
}
