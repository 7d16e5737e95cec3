package dev.dkm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox rewrites its whole state.json to save it, so writes made close together share one save (a bulk
 * conversion's registrations each paid one, ~20 ms of the benchmark machine's CPU at 1,000 projects); nothing is
 * lost: a write is on disk within {@link SandboxState#SAVE_DELAY_MS} without any close, and a close saves at once.
 */
class SandboxStateSaveTest {
    @TempDir Path dir;

    @Test
    void a_burst_of_writes_is_saved_once_and_whole() throws Exception {
        SandboxState state = new SandboxState(dir);
        SandboxWorld world = new SandboxWorld(state);
        int before = state.saves();
        for (int i = 0; i < 100; i++) {
            world.createUser("user" + i, "User " + i, false);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (new StateStore(dir).load().users.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // on disk without a close, from the saver
        assertThat(new StateStore(dir).load().users).hasSize(100);
        assertThat(state.saves() - before).as("saves for 100 writes").isBetween(1, 3);
        state.close();
    }

    @Test
    void a_close_right_after_a_write_saves_it() {
        SandboxState state = new SandboxState(dir);
        new SandboxWorld(state).createUser("last", "Last", false);
        state.close();
        assertThat(new StateStore(dir).load().users).extracting(u -> u.username).containsExactly("last");
        SandboxState again = new SandboxState(dir);
        assertThat(again.isEmpty()).isFalse();
        again.close();
    }
}
