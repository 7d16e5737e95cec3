package dev.dkm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void no_arguments_gui_and_window_options_open_the_window() {
        assertThat(Launcher.opensWindow(new String[0])).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"gui"})).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--snapshot", "out.png"})).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--snapshot=out.png"})).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--workspace", "/tmp/ws"})).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--theme", "dark"})).isTrue();
    }

    @Test
    void subcommands_and_cli_options_run_the_cli() {
        assertThat(Launcher.opensWindow(new String[] {"scan", "."})).isFalse();
        assertThat(Launcher.opensWindow(new String[] {"--version"})).isFalse();
        assertThat(Launcher.opensWindow(new String[] {"--help"})).isFalse();
    }
}
