package dev.dkm.sandbox;

import dev.dkm.sandbox.GitAccessPolicy.Decision;
import dev.dkm.sandbox.SandboxData.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/** One {@code git-upload-pack} / {@code git-receive-pack} over SSH, run by JGit on the bare repository. */
final class GitSshCommand extends SshStreamsCommand {
    private final SandboxState state;
    private final String commandLine;
    private Thread thread;

    GitSshCommand(SandboxState state, String commandLine) {
        this.state = state;
        this.commandLine = commandLine;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String fingerprint = channel.getSession().getAttribute(SshGitServer.KEY_FINGERPRINT);
        String gitProtocol = env.getEnv().get("GIT_PROTOCOL");
        thread = new Thread(() -> run(fingerprint, gitProtocol), "sandbox-git-" + channel.getSession().getIoSession().getId());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run(String fingerprint, String gitProtocol) {
        int code;
        try {
            code = serve(fingerprint, gitProtocol);
        } catch (IOException | RuntimeException e) {
            code = fail("ERROR: " + e.getMessage());
        }
        try {
            out.flush();
            err.flush();
        } catch (IOException ignored) {
            // the client is gone
        }
        exit.onExit(code);
    }

    private int serve(String fingerprint, String gitProtocol) throws IOException {
        String[] parts = commandLine.trim().split("\\s+", 2);
        String service = parts[0];
        boolean push = service.equals("git-receive-pack");
        if (!push && !service.equals("git-upload-pack") || parts.length < 2) {
            return fail("ERROR: Unknown command: " + service);
        }
        String path = repoPath(parts[1]);
        if (path == null) {
            return fail(box(GitAccessPolicy.PROJECT_NOT_FOUND));
        }
        Decision decision = state.read(d -> GitAccessPolicy.decide(d, fingerprint, path, push));
        if (decision.error() != null) {
            return fail(box(decision.error()));
        }
        Project project = state.read(d -> SandboxState.projectByIdOrPath(d, path).orElseThrow());
        Path root = state.reposDir().toAbsolutePath().normalize();
        Path dir = root.resolve(path + ".git").normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
            return fail(box(GitAccessPolicy.PROJECT_NOT_FOUND));
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
            if (push) {
                ReceivePack rp = new ReceivePack(repo);
                rp.setPreReceiveHook(new ProtectedBranchHook(state, project, decision.actor()));
                rp.receive(in, out, err);
            } else {
                UploadPack up = new UploadPack(repo);
                if (gitProtocol != null && !gitProtocol.isBlank()) {
                    up.setExtraParameters(Arrays.asList(gitProtocol.split(":")));
                }
                up.upload(in, out, err);
            }
        }
        return 0;
    }

    /** "'/group/sub/project.git'" → "group/sub/project"; null for anything that leaves the repo root. */
    static String repoPath(String arg) {
        String p = arg.trim();
        if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'") || p.startsWith("\"") && p.endsWith("\""))) {
            p = p.substring(1, p.length() - 1);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.startsWith("~")) {
            return null;
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        List<String> segments = Arrays.asList(p.split("/"));
        if (p.isEmpty() || segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals("..") || s.contains("\\"))) {
            return null;
        }
        return segments.stream().collect(Collectors.joining("/"));
    }

    /** gitlab-shell frames its errors like this; git prints them before "Could not read from remote". */
    private static String box(String message) {
        String rule = "========================================================================";
        return "\n" + rule + "\n\nERROR: " + message + "\n\n" + rule + "\n";
    }

    private int fail(String message) {
        try {
            err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the client is gone
        }
        return 1;
    }
}
