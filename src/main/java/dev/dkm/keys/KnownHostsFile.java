package dev.dkm.keys;

import dev.dkm.files.AtomicFiles;
import dev.dkm.files.BoundedReader;
import dev.dkm.files.FileMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An OpenSSH {@code known_hosts} file: lookup with ssh's matching rules (comma-separated patterns, {@code *}/{@code ?}
 * wildcards, {@code !} negation, {@code [host]:port} for non-22 ports, hashed {@code |1|salt|hash} entries,
 * {@code @revoked}) and appending a newly trusted key (an append, as ssh does: the file keeps its mode and links).
 */
public final class KnownHostsFile {
    /** One usable line: its key and whether it is marked {@code @revoked}. */
    public record Entry(SshPublicKey key, boolean revoked) {}

    private final Path file;

    public KnownHostsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The name ssh looks up: {@code host} on port 22, {@code [host]:port} otherwise. */
    public static String hostToken(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    public List<Entry> lookup(String host, int port) throws IOException {
        List<Entry> found = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return found;
        }
        String token = hostToken(host, port);
        for (String raw : BoundedReader.readText(file).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            int i = 0;
            boolean revoked = false;
            if (f[0].startsWith("@")) {
                if (f[0].equals("@cert-authority")) {
                    continue; // certificates are not what GitLab hosts use; ssh itself still honours them
                }
                revoked = f[0].equals("@revoked");
                i = 1;
            }
            if (f.length < i + 3 || !matches(f[i], token)) {
                continue;
            }
            try {
                found.add(new Entry(SshPublicKey.parse(f[i + 1] + " " + f[i + 2]), revoked));
            } catch (IllegalArgumentException malformed) {
                // ssh skips lines it cannot parse; so do we
            }
        }
        return found;
    }

    /**
     * Appends {@code [host]:port key} (plain, not hashed, so people can read what was trusted). Adding a key that is
     * already trusted for the host changes nothing, so many repositories on one host can each ask.
     */
    public synchronized void add(String host, int port, SshPublicKey key) throws IOException {
        // Appended, never rewritten: ssh appends to this file too, and it may be a symbolic link or 0600 by choice.
        // The check runs again under the file lock, so two dkm processes do not both add the key.
        AtomicFiles.appendComputed(file, FileMode.KEEP_OR_PRIVATE, () -> {
            if (lookup(host, port).stream().anyMatch(e -> !e.revoked() && e.key().sameKeyAs(key))) {
                return null;
            }
            String line = hostToken(host, port) + " " + key.withoutComment() + "\n";
            return ((endsWithNewline() ? "" : "\n") + line).getBytes(StandardCharsets.UTF_8);
        });
    }

    private boolean endsWithNewline() throws IOException {
        Path real = AtomicFiles.writeTarget(file);
        if (!Files.isRegularFile(real) || Files.size(real) == 0) {
            return true;
        }
        try (SeekableByteChannel ch = Files.newByteChannel(real)) {
            ch.position(ch.size() - 1);
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last);
            return last.get(0) == '\n';
        }
    }

    static boolean matches(String patternList, String token) {
        if (patternList.startsWith("|1|")) {
            return hashedMatches(patternList, token);
        }
        boolean matched = false;
        for (String pattern : patternList.split(",")) {
            boolean negated = pattern.startsWith("!");
            String p = negated ? pattern.substring(1) : pattern;
            if (glob(p.toLowerCase(java.util.Locale.ROOT), token.toLowerCase(java.util.Locale.ROOT))) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    private static boolean hashedMatches(String entry, String token) {
        String[] parts = entry.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return java.security.MessageDigest.isEqual(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)), expected);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean glob(String pattern, String text) {
        return globAt(pattern, 0, text, 0);
    }

    private static boolean globAt(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (globAt(p, pi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length() || (c != '?' && c != t.charAt(ti))) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }
}
