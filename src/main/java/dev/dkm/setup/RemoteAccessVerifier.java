package dev.dkm.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Proves with the user's real git that a remote works: {@code git ls-remote} for read access, and for write access
 * the handshake every push starts with ({@code git-receive-pack}, which GitLab refuses up front to a read-only key)
 * without sending anything. Unlike {@code git push --dry-run}, that needs no local commit and is not fooled by a
 * branch that is merely behind.
 */
public final class RemoteAccessVerifier {
    public record Outcome(boolean ok, String step, GitErrorExplainer.Explanation explanation, String gitStderr) {
        static Outcome success(String step) {
            return new Outcome(true, step, null, "");
        }
    }

    /** Runs git in a repository: this account's {@link GitRunner}, or another environment's through its helper. */
    public interface Git {
        GitRunner.Result run(Path repo, List<String> args) throws IOException;
    }

    private final Git git;

    public RemoteAccessVerifier(GitRunner git) {
        this(git::run);
    }

    public RemoteAccessVerifier(Git git) {
        this.git = git;
    }

    public Outcome canRead(Path repo, String remote) throws IOException {
        return judge("read", git.run(repo, List.of("ls-remote", "--heads", remote)));
    }

    public Outcome canWrite(Path repo, String remote) throws IOException {
        // protocol.version=0: receive-pack speaks no v2, and the client must not wait for a v2 greeting.
        return judge("write", git.run(repo, List.of("-c", "protocol.version=0", "ls-remote",
                "--upload-pack=git-receive-pack", remote)));
    }

    private static Outcome judge(String step, GitRunner.Result r) {
        if (r.ok()) {
            return Outcome.success(step);
        }
        return new Outcome(false, step, GitErrorExplainer.explain(r.stderr()), r.stderr().strip());
    }
}
