package dev.dkm.gitconfig;

import dev.dkm.files.AtomicFiles;
import dev.dkm.files.BoundedReader;
import dev.dkm.files.FileMode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Plans and applies changes to one git config file. Writes take git's own lock ({@code config.lock}, created
 * exclusively, then renamed over the file: {@link AtomicFiles#lock}), so git and dkm never write it at once and a
 * reader or a crash never sees a half-written file; an apply only happens when the file still holds the bytes the
 * plan was made from. As git does, the file keeps its mode (a 0600 config stays 0600) and a symbolic link is
 * written through (the file it names is replaced; the link stays). Bytes are bytes: a config that is not UTF-8
 * (a Latin-1 {@code user.name}) is parsed byte for byte and written back unchanged outside the lines changed.
 */
public final class GitConfigEditor {
    private final Path file;

    public GitConfigEditor(Path configFile) {
        this.file = configFile;
    }

    /** The config file of a git directory (for a worktree, pass its common dir: remotes live there). */
    public static GitConfigEditor forGitDir(Path gitDir) {
        return new GitConfigEditor(gitDir.resolve("config"));
    }

    public Path file() {
        return file;
    }

    public ConfigSnapshot snapshot() throws IOException {
        return new ConfigSnapshot(file, BoundedReader.read(file));
    }

    /** Before → after of each op against the file as it is now; values passed through {@code redactor}. */
    public List<ConfigChange> plan(List<ConfigOp> ops, UnaryOperator<String> redactor) throws IOException {
        byte[] bytes = BoundedReader.read(file);
        Config before = parse(bytes);
        Config after = parse(bytes);
        ops.forEach(op -> op.applyTo(after));
        return ops.stream().map(op -> describe(op, before, after, redactor)).toList();
    }

    /**
     * Applies {@code ops} if the file still equals {@code expected}; returns the snapshot to undo with.
     *
     * @throws ConfigChangedMeanwhileException when someone changed the file since {@code expected} was taken
     */
    public ConfigSnapshot apply(ConfigSnapshot expected, List<ConfigOp> ops) throws IOException {
        write(expected, render(expected, ops));
        return expected;
    }

    /**
     * The bytes {@code ops} turn {@code expected} into, without writing them (a run journals the change first).
     *
     * @throws ConfigChangedMeanwhileException when the file is no longer {@code expected}
     */
    public byte[] render(ConfigSnapshot expected, List<ConfigOp> ops) throws IOException {
        byte[] current = BoundedReader.read(file);
        if (!expected.sameContentAs(current)) {
            throw new ConfigChangedMeanwhileException(file);
        }
        Charset charset = charsetOf(current);
        if (charset != StandardCharsets.UTF_8) {
            refuseNonAscii(ops);
        }
        Config config = parse(current);
        ops.forEach(op -> op.applyTo(config));
        return config.toText().getBytes(charset);
    }

    /** Writes {@code content} under git's lock if the file still holds {@code expected}'s bytes. */
    public void write(ConfigSnapshot expected, byte[] content) throws IOException {
        writeLocked(content, expected.content());
    }

    /**
     * Reverts a run's change ({@link ConfigPatch}) on the file as it is now, under git's lock: the original bytes when
     * the file is still what the run wrote, only the run's lines when it was edited since, nothing when the run's own
     * lines were changed (the result says why).
     */
    public ConfigPatch.Revert revert(ConfigPatch patch) throws IOException {
        byte[] current = BoundedReader.read(file);
        ConfigPatch.Revert revert = patch.revert(current);
        if (revert.state() == ConfigPatch.Revert.State.RESTORED || revert.state() == ConfigPatch.Revert.State.MERGED) {
            if (revert.state() == ConfigPatch.Revert.State.MERGED) {
                parse(revert.content()); // never leave a file git cannot read
            }
            writeLocked(revert.content(), current);
        }
        return revert;
    }

    /**
     * Replaces the file's bytes with {@code updated} if it still holds {@code expected}, through the same lock and
     * atomic rename: for line edits made elsewhere (a credential store, a shared include), where everything outside
     * the edited lines stays byte for byte.
     *
     * @throws ConfigChangedMeanwhileException when the file no longer holds {@code expected}
     */
    public void replace(byte[] expected, byte[] updated) throws IOException {
        writeLocked(updated, expected); // git's own lock: git credential-store and git config take it too
    }

    /** Puts the snapshot's bytes back exactly, through the lock file. */
    public void restore(ConfigSnapshot snapshot) throws IOException {
        writeLocked(snapshot.content(), null);
    }

    private void writeLocked(byte[] content, byte[] mustStillBe) throws IOException {
        try (AtomicFiles.LockedFile lock = AtomicFiles.lock(file)) {
            // Re-check under the lock: git takes the same lock, so nobody can slip in between.
            if (mustStillBe != null && !Arrays.equals(BoundedReader.read(lock.target()), mustStillBe)) {
                throw new ConfigChangedMeanwhileException(file);
            }
            lock.commit(content, FileMode.KEEP_OR_PRIVATE);
        }
    }

    /**
     * UTF-8 when the bytes are UTF-8; otherwise ISO-8859-1, which maps every byte to one char and back, so the
     * lines dkm does not touch come back byte for byte.
     */
    private static Charset charsetOf(byte[] bytes) {
        return BoundedReader.isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** In a config that is not UTF-8 only ASCII can be written without guessing its encoding. */
    private void refuseNonAscii(List<ConfigOp> ops) throws IOException {
        for (ConfigOp op : ops) {
            if (op instanceof ConfigOp.Set set && set.values().stream().anyMatch(v -> !v.chars().allMatch(c -> c < 0x80))) {
                throw new IOException(file + " is not UTF-8 and the new value of " + op.displayKey()
                        + " is not ASCII; not mixing encodings in it");
            }
        }
    }

    private Config parse(byte[] bytes) throws IOException {
        // FileBasedConfig keeps the file's lines (comments, order) when re-serialised by toText().
        FileBasedConfig config = new FileBasedConfig(null, file.toFile(), FS.DETECTED);
        try {
            config.fromText(new String(bytes, charsetOf(bytes)));
        } catch (ConfigInvalidException e) {
            throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
        }
        return config;
    }

    private static ConfigChange describe(ConfigOp op, Config before, Config after, UnaryOperator<String> redactor) {
        return new ConfigChange(redactor.apply(op.displayKey()),
                op.valuesIn(before).stream().map(redactor).toList(),
                op.valuesIn(after).stream().map(redactor).toList());
    }
}
