package dev.dkm.gitconfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/** The exact bytes of a config file at one moment: what undo puts back. */
public record ConfigSnapshot(Path file, byte[] content) {
    public ConfigSnapshot {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String contentBase64() {
        return Base64.getEncoder().encodeToString(content);
    }

    public static ConfigSnapshot fromBase64(Path file, String base64) {
        return new ConfigSnapshot(file, Base64.getDecoder().decode(base64));
    }

    public boolean sameContentAs(byte[] other) {
        return Arrays.equals(content, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSnapshot s && s.file.equals(file) && Arrays.equals(s.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * file.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ConfigSnapshot[" + file + ", " + content.length + " bytes]";
    }
}
