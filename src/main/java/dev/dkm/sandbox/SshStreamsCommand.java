package dev.dkm.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** The stream and exit plumbing MINA hands to every command; subclasses only implement {@code start}. */
abstract class SshStreamsCommand implements Command {
    protected InputStream in;
    protected OutputStream out;
    protected OutputStream err;
    protected ExitCallback exit;

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
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
    public void destroy(ChannelSession channel) {
        // nothing to stop by default
    }
}
