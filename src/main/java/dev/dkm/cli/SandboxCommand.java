package dev.dkm.cli;

import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dkm sandbox}: runs the local GitLab-compatible sandbox until stopped. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        versionProvider = DkmCli.Version.class,
        description = {
            "Runs a local GitLab-compatible sandbox (REST API v4 + SSH git) on 127.0.0.1.",
            "When ready it prints one JSON line: url, api, sshPort, sshHostKeyFingerprint, knownHostsLine,"
                    + " token (a maintainer's PAT), adminToken, ownerToken, developerToken, dataDir, gitlabVersion.",
            "Those tokens are local test credentials that exist only in this sandbox.",
            "Git is served over SSH only; HTTPS remotes in a --workspace are there to be converted.",
            "Stops on SIGINT/SIGTERM (or when stdin closes, with --stop-on-stdin-eof)."
        })
final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Keep state here; a restart continues it (default: a temp dir, removed on exit).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: random).")
    int port;

    @Option(names = "--ssh-port", paramLabel = "N", description = "SSH port (default: random).")
    int sshPort;

    @Option(names = "--demo", description = "Seed demo groups, projects, keys and tokens on first start.")
    boolean demo;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Also clone demo projects here with a mix of remotes (implies --demo).")
    Path workspace;

    @Option(names = "--latency-ms", paramLabel = "N", description = "Added latency per API request.")
    long latencyMs;

    @Option(names = "--rate-limit", paramLabel = "N", description = "API requests per minute before 429 (0 = off).")
    int rateLimit;

    @Option(names = "--fail-rate", paramLabel = "P", description = "Probability 0..1 of a 500 answer.")
    double failRate;

    @Option(names = "--drop-rate", paramLabel = "P", description = "Probability 0..1 of a dropped connection.")
    double dropRate;

    @Option(names = "--fault-seed", paramLabel = "N", description = "Seed for the fault dice (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long faultSeed;

    @Option(names = "--gitlab-version", paramLabel = "X.Y", description = {"Pretend to be this GitLab version (e.g. 16.11):",
        "routes and rules GitLab changed later answer as that version did (default: the current one tested)."})
    String gitlabVersion;

    @Option(names = "--stop-on-stdin-eof", description = "Stop when stdin reaches end of file (for a parent process that holds a pipe).")
    boolean stopOnStdinEof;

    @Override
    public Integer call() throws InterruptedException {
        Sandbox.Builder builder = Sandbox.builder()
                .dataDir(dataDir).port(port).sshPort(sshPort).demo(demo).workspace(workspace)
                .latencyMs(latencyMs).rateLimitPerMinute(rateLimit).failRate(failRate).dropRate(dropRate)
                .faultSeed(faultSeed);
        if (gitlabVersion != null) {
            try {
                builder.gitlabVersion(gitlabVersion);
            } catch (IllegalArgumentException e) {
                throw new CliProblem(e.getMessage());
            }
        }
        SandboxServer server = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println(server.readyJson());
        System.out.flush();
        if (stopOnStdinEof) {
            Thread watcher = new Thread(() -> {
                waitForEof(System.in);
                server.close();
                stopped.countDown();
            }, "sandbox-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
        return 0;
    }

    private static void waitForEof(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // keep reading until the parent closes the pipe
            }
        } catch (IOException ignored) {
            // a broken stdin means the parent is gone too
        }
    }
}
