package dev.dkm.cli;

import dev.dkm.instances.InstanceLogout;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the stored token of an instance (it is not revoked on GitLab).")
final class LogoutCommand implements Callable<Integer> {
    @Option(names = "--host", required = true, description = "Instance URL")
    String host;

    private final CliContext context;

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        InstanceLogout.Result r = new InstanceLogout(context.tokenStore().get()).logout(host);
        if (r.removed()) {
            context.out().println("Removed the token for " + r.instanceUrl() + " from " + r.storage());
            return 0;
        }
        context.out().println("No token stored for " + r.instanceUrl() + " in " + r.storage());
        return 0;
    }
}
