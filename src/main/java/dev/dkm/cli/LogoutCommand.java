package dev.dkm.cli;

import dev.dkm.instances.InstanceLogout;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the stored token of an instance (it is not revoked on GitLab).")
final class LogoutCommand implements Callable<Integer> {
    @Option(names = "--host", required = true, description = "Instance URL")
    String host;

    @Option(names = "--remove", description = "Also remove the instance from the settings (URL, CA file, proxy), as Remove in the window does.")
    boolean remove;

    private final CliContext context;

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        InstanceLogout logout = new InstanceLogout(context.tokenStore().get(), context.settings());
        InstanceLogout.Result r = remove ? logout.remove(host) : logout.logout(host);
        if (r.removed()) {
            context.out().println("Removed the token for " + r.instanceUrl() + " from " + r.storage());
        } else {
            context.out().println("No token stored for " + r.instanceUrl() + " in " + r.storage());
        }
        if (remove) {
            context.out().println("Removed " + r.instanceUrl() + " from the settings");
        }
        return 0;
    }
}
