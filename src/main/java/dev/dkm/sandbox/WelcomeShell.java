package dev.dkm.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * What {@code ssh -T git@host} shows on GitLab: "Welcome to GitLab, @user!" for a user's key,
 * "Anonymous" for a deploy key; no shell is ever started.
 */
final class WelcomeShell extends SshStreamsCommand {
    private final SandboxState state;

    WelcomeShell(SandboxState state) {
        this.state = state;
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
}
