package dev.dkm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "done when", for real: a throwaway Unix account ({@code useradd}, prefix {@code dkmt13}) with an empty
 * home runs the real {@code dkm} launcher with only {@code GITLAB_HOST} and {@code GITLAB_TOKEN} (no dkm login, no
 * settings): {@code dkm setup REPO --yes} and {@code dkm convert ROOT --yes} convert repositories whose remotes point at
 * the sandbox, {@code git push} over SSH works with the wired key (OpenSSH reads that account's own ~/.ssh), and
 * afterwards no file under the home holds the API token. Runs as root, as CI does; the account is removed afterwards.
 */
class HeadlessThrowawayUserTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static String user;
    static Path home;
    static Path classpath;

    @BeforeAll
    static void start() throws Exception {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        user = "dkmt13u" + Long.toString(System.nanoTime() % 1_000_000L);
        home = Path.of("/tmp", user + "-home");
        Path skel = Files.createDirectories(tmp.resolve("empty-skel"));
        run(List.of("useradd", "-m", "-k", skel.toString(), "-d", home.toString(), "-s", "/bin/sh", user), Map.of()).assertOk();
        classpath = readableClasspath();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (user != null) {
            run(List.of("userdel", "-r", "-f", user), Map.of());
        }
        if (classpath != null) {
            run(List.of("rm", "-rf", classpath.getParent().toString()), Map.of());
        }
    }

    record Result(int exit, String out, String err) {
        Result assertOk() {
            assertThat(exit).as("stdout: " + out + "\nstderr: " + err).isZero();
            return this;
        }
    }

    static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A command run as the throwaway account (runuser sets HOME; the rest of the environment is only {@code env}). */
    static Result as(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        full.addAll(List.of(command));
        return run(full, env);
    }

    static Result dkm(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-cp", classpath.toString() + "/*", "dev.dkm.Launcher"));
        command.addAll(List.of(args));
        // Only the environment variables: no dkm login, no settings, the token never on a command line.
        return as(Map.of("GITLAB_HOST", server.url(), "GITLAB_TOKEN", server.ownerToken()), command.toArray(String[]::new));
    }

    /** The test's classpath (its jars and classes) copied where the throwaway account may read it (~root is 0700). */
    static Path readableClasspath() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dkmt13-cp-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jars = Files.createDirectory(dir.resolve("lib"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                Files.copy(p, jars.resolve((n++) + "-" + p.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            } else if (Files.isDirectory(p) && !entry.contains("test-classes")) {
                Path jar = jars.resolve((n++) + "-classes.jar");
                run(List.of("jar", "cf", jar.toString(), "-C", p.toString(), "."), Map.of("PATH",
                        Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin")).assertOk();
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return jars;
    }

    /** A clone in the account's home whose origin is an http remote with a token, as people have them. */
    static Path tokenClone(String project, String dir) throws Exception {
        Path repo = home.resolve(dir);
        Files.createDirectories(repo.getParent());
        Map<String, String> gitEnv = Map.of("HOME", tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1");
        run(List.of("git", "clone", "-q", server.repoDir(project).toString(), repo.toString()), gitEnv).assertOk();
        String url = server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@") + "/" + project + ".git";
        run(List.of("git", "-C", repo.toString(), "remote", "set-url", "origin", url), gitEnv).assertOk();
        run(List.of("chown", "-R", user + ":" + user, home.toString()), Map.of()).assertOk();
        return repo;
    }

    static void commitAndPush(Path repo, String file) throws Exception {
        Map<String, String> env = Map.of("GIT_CONFIG_NOSYSTEM", "1");
        Files.writeString(repo.resolve(file), "pushed by " + user + "\n");
        run(List.of("chown", user + ":" + user, repo.resolve(file).toString()), Map.of()).assertOk();
        as(env, "git", "-C", repo.toString(), "add", file).assertOk();
        as(env, "git", "-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", file).assertOk();
        as(env, "git", "-C", repo.toString(), "push", "-q", "origin", "HEAD:main").assertOk();
    }

    static List<Path> filesHolding(Path dir, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void gitlab_host_and_token_alone_set_up_and_convert_and_leave_no_token_in_the_home() throws Exception {
        Path single = tokenClone("acme/website", "single/website");
        tokenClone("acme/platform/infra", "fleet/infra");
        Path handbook = tokenClone("acme/handbook", "fleet/handbook");

        Result setup = dkm("setup", single.toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        setup.assertOk();
        assertThat(JsonParser.parseString(setup.out()).getAsJsonObject().get("success").getAsBoolean()).isTrue();
        commitAndPush(single, "setup.txt");

        Result convert = dkm("convert", home.resolve("fleet").toString(), "--yes", "--json", "--accept-host-key", server.hostKeyFingerprint());
        convert.assertOk();
        JsonObject counts = JsonParser.parseString(convert.out()).getAsJsonObject().getAsJsonObject("counts");
        assertThat(counts.get("converted").getAsInt()).isEqualTo(2);
        commitAndPush(handbook, "convert.txt");

        assertThat(Files.exists(home.resolve(".ssh/dkm"))).as("keys in the account's own ~/.ssh/dkm").isTrue();
        assertThat(Files.exists(home.resolve(".config/dkm/credentials.json"))).isFalse();
        assertThat(filesHolding(home, server.ownerToken())).as("files under the home holding GITLAB_TOKEN").isEmpty();
        assertThat(setup.out() + setup.err() + convert.out() + convert.err()).doesNotContain(server.ownerToken());
        Map<String, String> none = new HashMap<>();
        assertThat(as(none, "git", "-C", handbook.toString(), "remote", "get-url", "origin").out()).startsWith("ssh://");
    }
}
