package dev.dkm.cli;

import dev.dkm.environments.EnvironmentScan;
import dev.dkm.environments.EnvironmentSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --user NAME…}, {@code --all-users}, {@code --env-command TEMPLATE}: which environments a command works in. */
final class EnvironmentOptions {
    @Option(names = "--user", paramLabel = "NAME", description = "Work in this local account's environment (repeatable):"
            + " runuser -u NAME as root, else sudo -n -u NAME. Without ROOT: its remembered roots, else its home.")
    List<String> users = new ArrayList<>();

    @Option(names = "--all-users", description = "Every local account with a home of its own; those without repositories"
            + " are left out quietly.")
    boolean allUsers;

    @Option(names = "--env-command", paramLabel = "TEMPLATE", description = "Reach an environment with this command"
            + " (repeatable), e.g. 'podman exec -i -u app web'; dkm helper --protocol 1 is appended (or put {dkm} where"
            + " this dkm goes).")
    List<String> commands = new ArrayList<>();

    boolean any() {
        return allUsers || !users.isEmpty() || !commands.isEmpty();
    }

    List<EnvironmentSpec> specs() throws IOException {
        List<EnvironmentSpec> specs = new ArrayList<>();
        if (allUsers) {
            specs.addAll(EnvironmentScan.allUsers());
        }
        for (String u : users) {
            EnvironmentSpec s = EnvironmentSpec.account(u);
            if (!specs.contains(s)) {
                specs.add(s);
            }
        }
        commands.forEach(c -> specs.add(EnvironmentSpec.command(c)));
        return specs;
    }
}
