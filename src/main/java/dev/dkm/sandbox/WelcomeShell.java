package dev.dkm.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * What {@code ssh -T git@host} shows on GitLab: "Welcome to GitLab, @user!" for a user's key,
 * "Anonymous" for a deploy key; no shell is ever started.
 */
final class WelcomeShell implements Command {
    private final SandboxState state;
    private OutputStream err;
    private ExitCallback exit;

    WelcomeShell(SandboxState state) {
        this.state = state;
    }

    @Override
    public void setInputStream(InputStream in) {
        // nothing is read
    }

    @Override
    public void setOutputStream(OutputStream out) {
        // GitLab writes the greeting to stderr
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String fingerprint = channel.getSession().getAttribute(SshGitServer.KEY_FINGERPRINT);
        String who = state.read(d -> GitAccessPolicy.actorFor(d, fingerprint)
                .map(a -> a.user() != null ? "@" + a.user().username : "Anonymous")
                .orElse("Anonymous"));
        try {
            err.write(("Welcome to GitLab, " + who + "!\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException ignored) {
            // the client is gone
        }
        exit.onExit(0);
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing to stop
    }
}
