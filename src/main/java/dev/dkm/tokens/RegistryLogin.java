package dev.dkm.tokens;

import dev.dkm.registry.RegistryAuthFile;
import dev.dkm.registry.RegistryCredential;
import dev.dkm.registry.RegistryLoginResult;
import dev.dkm.remote.Secret;
import java.io.IOException;

/** "Log Docker in" with a deploy token: the credential goes where {@code docker login} / {@code podman login} would put it. */
public final class RegistryLogin {
    /** Where it went (for undo) and the command that does the same by hand, token redacted. */
    public record Outcome(RegistryTarget target, RegistryLoginResult result, String equivalentCommand) {
        public String describe() {
            return result.describe();
        }
    }

    private RegistryLogin() {}

    public static Outcome login(RegistryTarget target, String username, Secret token) throws IOException {
        RegistryCredential credential = new RegistryCredential(target.registry(), username, token);
        RegistryLoginResult result = target.authFile().login(credential);
        return new Outcome(target, result, RegistryAuthFile.equivalentCommand(target.tool(), credential));
    }

    /** Puts back what {@link #login} replaced. */
    public static void undo(Outcome outcome) throws IOException {
        outcome.target().authFile().undo(outcome.result(), outcome.target().registry());
    }
}
