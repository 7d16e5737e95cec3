package dev.dkm.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real repositories made with the real {@code git}, with a throwaway HOME and no system config. */
final class GitFixture {
    static final String RAW_TOKEN = SampleRepos.RAW_TOKEN;

    private GitFixture() {}

    /** app (ssh), web (https with a token), plain (https), lonely (no remote). */
    static Path sampleWorkspace(Path dir) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-home"));
        repo(home, dir.resolve("group/app"), "git@gitlab.example.com:group/app.git");
        repo(home, dir.resolve("group/web"), "https://oauth2:" + RAW_TOKEN + "@gitlab.example.com/group/web.git");
        repo(home, dir.resolve("plain"), "https://gitlab.example.com/group/plain.git");
        repo(home, dir.resolve("lonely"), null);
        return dir;
    }

    static void repo(Path home, Path dir, String originUrl) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        git(home, dir, "init", "-q", "-b", "main");
        if (originUrl != null) {
            git(home, dir, "remote", "add", "origin", originUrl);
        }
    }

    static void git(Path home, Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        }
    }
}
