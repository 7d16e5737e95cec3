package dev.dkm.workspace;

import dev.dkm.task.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real repositories built with the real {@code git}, isolated from the developer's machine: a temp HOME, a temp
 * global config, no system config. The scanner under test is pointed at the same home and global config.
 */
public final class GitFixture {
    public final Path root;
    public final Path home;
    public final Path globalConfig;

    public GitFixture(Path tempDir) throws IOException {
        this.root = Files.createDirectories(tempDir.resolve("workspace"));
        this.home = Files.createDirectories(tempDir.resolve("home"));
        this.globalConfig = home.resolve(".gitconfig");
        Files.writeString(globalConfig, "[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n");
    }

    public String git(Path dir, String... args) {
        return run(dir, true, args);
    }

    /**
     * Runs git and ignores how it ends (a fetch from a test endpoint that refuses every credential); its output
     * is never shown, since it may name the credential the test planted.
     */
    public void gitMayFail(Path dir, String... args) {
        run(dir, false, args);
    }

    private String run(Path dir, boolean mustSucceed, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", globalConfig.toString());
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_ASKPASS", "/bin/false");
        env.remove("SSH_ASKPASS");
        env.remove("XDG_CONFIG_HOME");
        for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
            env.remove(proxy);
        }
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 && mustSucceed) {
                throw new IllegalStateException("git " + args[0] + " failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code git init -b main} at root/relative, with an origin when {@code url} is not null. */
    public Path repo(String relative, String url) throws IOException {
        Path dir = Files.createDirectories(root.resolve(relative));
        git(dir, "init", "-q", "-b", "main");
        if (url != null) {
            git(dir, "remote", "add", "origin", url);
        }
        return dir;
    }

    public Path repoWithCommit(String relative, String url) throws IOException {
        Path dir = repo(relative, url);
        Files.writeString(dir.resolve("README"), "hello\n");
        git(dir, "add", "README");
        git(dir, "commit", "-q", "-m", "first");
        return dir;
    }

    public void addGlobal(String text) throws IOException {
        Files.writeString(globalConfig, text, java.nio.file.StandardOpenOption.APPEND);
    }

    public WorkspaceScanner scanner(ScanOptions options) {
        return new WorkspaceScanner(options, new GlobalGitConfig(List.of(globalConfig)), home);
    }

    public List<RepoInfo> scan() {
        return scanner(ScanOptions.defaults()).scan(List.of(root), Progress.NONE);
    }

    public RepoInfo scanOne(Path repo) {
        return scan().stream().filter(r -> r.path().equals(repo.toAbsolutePath().normalize())).findFirst()
                .orElseThrow(() -> new AssertionError("not found by the scan: " + repo));
    }
}
