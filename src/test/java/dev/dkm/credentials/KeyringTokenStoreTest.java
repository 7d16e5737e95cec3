package dev.dkm.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real keyring: a child JVM (same classpath) stores, reads and deletes a token through
 * {@link KeyringTokenStore} inside {@code dbus-run-session} with an unlocked gnome-keyring whose files live
 * in a temp HOME (never the developer's keyring); {@code secret-tool} checks it really landed there.
 */
class KeyringTokenStoreTest {
    static final String TOKEN = "glpat-KeyringProbeToken0123456789";
    static final String URL = "https://gitlab.example.com";

    @TempDir Path home;

    @Test
    void storeReadDeleteInARealSecretService() throws Exception {
        assertThat(onPath("dbus-run-session") && onPath("gnome-keyring-daemon") && onPath("secret-tool"))
                .as("gnome-keyring, dbus and libsecret-tools are installed (.ci/run installs them)").isTrue();
        Path runtime = Files.createDirectory(home.resolve("run"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String probe = "'" + java + "' -Duser.home='" + home + "' -cp \"$DKM_CP\" " + KeyringProbeMain.class.getName();
        String script = String.join("\n",
                "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1",
                probe + " store " + URL,
                "echo \"secret-tool: $(secret-tool lookup service dkm account " + URL + " | sha256sum | cut -c1-16)\"",
                probe + " read " + URL,
                probe + " delete " + URL,
                probe + " read " + URL,
                "echo \"after delete: $(secret-tool lookup service dkm account " + URL + " | wc -c)\"");
        Path output = home.resolve("output.txt");
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", script)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("DKM_CP", System.getProperty("java.class.path"));
        env.put("DKM_PROBE_TOKEN", TOKEN);
        Process p = pb.start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(output);
        assertThat(done).as(out).isTrue();
        List<String> lines = out.lines().filter(l -> !l.contains("SLF4J") && !l.startsWith("dbus")).toList();
        assertThat(lines).as(out).containsSubsequence(
                "stored in: OS keyring (Secret Service)",
                "secret-tool: " + sha256Prefix(TOKEN),
                "read: same token",
                "deleted: true",
                "read: none",
                "after delete: 0");
        assertThat(out).doesNotContain(TOKEN);
        assertThat(home.resolve(".local/share/keyrings")).isDirectory();
    }

    private static String sha256Prefix(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d).substring(0, 16);
    }

    private static boolean onPath(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, cmd))) {
                return true;
            }
        }
        return false;
    }
}
