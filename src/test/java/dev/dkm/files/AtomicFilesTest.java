package dev.dkm.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer's mode policy, links, locks and appends, on the real file system (chmod, symlinks, mkfifo). */
class AtomicFilesTest {
    @TempDir Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_rewritten_file_keeps_its_mode_and_a_new_one_gets_the_policy() throws Exception {
        Path f = tmp.resolve("config");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PUBLIC);
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(mode(f)).isEqualTo("rw-------");

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(f, "newer".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
        assertThat(mode(f)).isEqualTo("rw-r-----");

        Path fresh = tmp.resolve("fresh.json");
        AtomicFiles.write(fresh, "{}".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
        assertThat(mode(fresh)).isEqualTo("rw-------");
        Path export = tmp.resolve("export.csv");
        AtomicFiles.write(export, "a,b".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PUBLIC);
        assertThat(mode(export)).isEqualTo("rw-r--r--");

        Path secret = tmp.resolve("tokens.json");
        Files.writeString(secret, "{}");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.write(secret, "{}".getBytes(StandardCharsets.UTF_8), FileMode.SECRET);
        assertThat(mode(secret)).as("dkm's own secrets are always 0600").isEqualTo("rw-------");
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temp file left").noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void a_symbolic_link_is_written_through_and_stays_a_link() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("dotfiles")).resolve("config");
        Files.writeString(real, "token here");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createDirectories(tmp.resolve("repo/.git")).resolve("config");
        Files.createSymbolicLink(link, Path.of("../../dotfiles/config")); // relative, as people make them
        Path chained = tmp.resolve("chained");
        Files.createSymbolicLink(chained, link);

        AtomicFiles.write(chained, "clean".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isSymbolicLink(chained)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("clean");
        assertThat(mode(real)).isEqualTo("rw-------");
        try (var s = Files.list(link.getParent())) {
            assertThat(s).as("the temp file was made next to the target, not the link").containsExactly(link);
        }
    }

    @Test
    void gits_lock_is_honoured_and_released() throws Exception {
        Path f = tmp.resolve("config");
        Files.writeString(f, "a");
        Path lock = tmp.resolve("config.lock");
        Files.writeString(lock, "git is here");
        assertThatThrownBy(() -> AtomicFiles.lock(f)).isInstanceOf(LockHeldException.class).hasMessageContaining("config.lock");
        assertThat(Files.readString(lock)).as("somebody else's lock is not touched").isEqualTo("git is here");
        Files.delete(lock);

        try (AtomicFiles.LockedFile held = AtomicFiles.lock(f)) {
            assertThat(lock).exists();
            // real git sees the lock and refuses, as it would with another git
            Process p = new ProcessBuilder("git", "config", "--file", f.toString(), "x.y", "z").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isNotZero();
            assertThat(out).contains("lock");
            held.commit("b".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
        }
        assertThat(lock).doesNotExist();
        assertThat(Files.readString(f)).isEqualTo("b");
        try (AtomicFiles.LockedFile abandoned = AtomicFiles.lock(f)) {
            assertThat(abandoned.target()).isEqualTo(f.toAbsolutePath());
        }
        assertThat(lock).as("released without commit").doesNotExist();
        assertThat(Files.readString(f)).isEqualTo("b");
    }

    @Test
    void appends_keep_mode_inode_and_link_and_never_lose_a_concurrent_line() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("elsewhere")).resolve("known_hosts");
        Files.writeString(real, "first\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Object inode = Files.getAttribute(real, "unix:ino");
        Path link = Files.createDirectories(tmp.resolve(".ssh")).resolve("known_hosts");
        Files.createSymbolicLink(link, real);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                jobs.add(() -> {
                    AtomicFiles.append(link, ("line" + n + "\n").getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE);
                    return null;
                });
            }
            // meanwhile another program (as ssh does) appends with O_APPEND too
            Process shell = new ProcessBuilder("sh", "-c", "for i in $(seq 1 40); do echo ssh$i >> '" + real + "'; done").start();
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(real);
        assertThat(lines).hasSize(81).contains("first", "line0", "line39", "ssh1", "ssh40");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(mode(real)).isEqualTo("rw-------");
        assertThat(Files.getAttribute(real, "unix:ino")).as("appended in place, not replaced").isEqualTo(inode);
    }

    @Test
    void missing_folders_are_all_created_0700_and_existing_ones_left_alone() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.createNew(home.resolve(".ssh/dkm/key"), "k".getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-------"));
        assertThat(mode(home.resolve(".ssh"))).as("a missing ~/.ssh is 0700, as ssh wants it").isEqualTo("rwx------");
        assertThat(mode(home.resolve(".ssh/dkm"))).isEqualTo("rwx------");
        assertThat(mode(home)).isEqualTo("rwxr-x---");
        assertThat(mode(home.resolve(".ssh/dkm/key"))).isEqualTo("rw-------");
        assertThatThrownBy(() -> AtomicFiles.createNew(home.resolve(".ssh/dkm/key"), "x".getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-------"))).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(home.resolve(".ssh/dkm/key"))).isEqualTo("k");
    }

    @Test
    void a_fifo_or_a_folder_is_never_replaced_nor_opened() throws Exception {
        Path fifo = tmp.resolve("known_hosts");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> AtomicFiles.append(fifo, "x\n".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> AtomicFiles.write(fifo, "x".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE))
                .isInstanceOf(UnreadableFileException.class);
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        assertThatThrownBy(() -> AtomicFiles.write(dir, "x".getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PRIVATE))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("folder");
    }
}
