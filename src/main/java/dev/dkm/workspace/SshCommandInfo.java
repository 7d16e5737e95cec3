package dev.dkm.workspace;

import java.util.List;

/**
 * {@code core.sshCommand}, parsed.
 *
 * @param command        the value as written, or null when not set
 * @param identityFiles  every {@code -i FILE} / {@code -o IdentityFile=FILE}
 * @param identitiesOnly {@code -o IdentitiesOnly=yes|no}, or null when not given
 */
public record SshCommandInfo(String command, List<KeyFileInfo> identityFiles, Boolean identitiesOnly) {
    public static final SshCommandInfo NONE = new SshCommandInfo(null, List.of(), null);

    public SshCommandInfo {
        identityFiles = List.copyOf(identityFiles);
    }

    public boolean isSet() {
        return command != null;
    }
}
