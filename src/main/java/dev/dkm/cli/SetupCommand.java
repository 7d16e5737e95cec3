package dev.dkm.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.app.AppServices;
import dev.dkm.app.OneClickSetup;
import dev.dkm.setup.SetupException;
import dev.dkm.setup.SetupListener;
import dev.dkm.setup.SetupOptions;
import dev.dkm.setup.SetupPlan;
import dev.dkm.setup.SetupResult;
import dev.dkm.setup.StepOutcome;
import dev.dkm.task.Progress;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkm setup PATH}: the one-click deploy key setup, from the command line. */
@Command(name = "setup", mixinStandardHelpOptions = true, footer = HostOption.TOKEN_FOOTER,
        description = {"Give a repository its own GitLab deploy key: generate, register, trust the host key, wire "
                + "core.sshCommand and the SSH remote, verify with git. Shows the plan first; rolls back on failure.",
                "Undo later with: dkm undo RUN_ID",
                "Exit: 0 done; 1 failed (rolled back); 2 bad input; 3 set up, but GitLab will still refuse this key's pushes"
                        + " to the protected default branch (the last line says what your GitLab version allows)."})
final class SetupCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PATH", description = "The repository (its working tree, or a bare repository).")
    Path path;

    @Option(names = "--remote", paramLabel = "NAME", description = "The remote to wire (default: ${DEFAULT-VALUE}).")
    String remote = "origin";

    @Mixin
    KeyOptions keyOptions = new KeyOptions();

    @Mixin
    HostOption host = new HostOption();

    @Option(names = "--key-dir", paramLabel = "DIR", description = "Where new keys go (default ~/.ssh/dkm).")
    Path keyDir;

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "Expiry date of the deploy key.")
    LocalDate expires;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:…", description = "Trust this host key fingerprint if the host is unknown.")
    String acceptHostKey;

    @Option(names = "--allow-protected-push", description = "Add the key to the default branch's \"Allowed to push\" when protection blocks it (GitLab 17.5+).")
    boolean allowProtectedPush;

    @Option(names = "--dry-run", description = "Print the plan only; change nothing.")
    boolean dryRun;

    @Option(names = "--user", paramLabel = "NAME", description = "PATH is a repository of this local account: the key is"
            + " born in its ~/.ssh/dkm and its config written by dkm running as that account (runuser/sudo -n -u).")
    String user;

    @Option(names = "--env-command", paramLabel = "TEMPLATE", description = "PATH is in the environment this command"
            + " reaches (e.g. 'podman exec -i -u app web').")
    String envCommand;

    @Option(names = "--yes", description = "Do not ask before changing anything.")
    boolean yes;

    @Option(names = "--json", description = "Print the plan and each step's result as JSON.")
    boolean json;

    SetupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        if (user != null && envCommand != null) {
            err.println("dkm setup: give --user or --env-command, not both");
            return 2;
        }
        dev.dkm.environments.EnvironmentSpec environment = user != null ? dev.dkm.environments.EnvironmentSpec.account(user)
                : envCommand != null ? dev.dkm.environments.EnvironmentSpec.command(envCommand) : null;
        if (environment != null && keyDir != null) {
            err.println("dkm setup: --key-dir works for this account only: keys of another environment go to its ~/.ssh/dkm");
            return 2;
        }
        if (environment == null && !Files.isDirectory(path)) {
            err.println("dkm setup: " + path + " is not a folder");
            return 2;
        }
        try (AppServices services = context.services(keyDir, host.host)) {
            List<RepoInfo> found;
            if (environment == null || services.environments().isCaller(environment)) {
                found = services.scanner(ScanOptions.defaults().withMaxDepth(0)).scan(List.of(path), Progress.NONE);
            } else {
                try {
                    found = services.environments().open(environment).scan(List.of(path), ScanOptions.defaults().withMaxDepth(0)).repos();
                } catch (dev.dkm.environments.EnvironmentException e) {
                    err.println("dkm setup: " + environment + ": " + e.getMessage());
                    return 1;
                }
            }
            if (found.isEmpty()) {
                err.println("dkm setup: " + path + " is not a git repository" + (environment == null ? "" : " in " + environment));
                return 2;
            }
            RepoInfo repo = found.get(0);
            OneClickSetup setup = new OneClickSetup(services);
            SetupOptions options = keyOptions.over(services.preferences().setupOptions()).withRemote(remote)
                    .withExpiresOn(expires).withAcceptHostKey(acceptHostKey).withAllowProtectedPush(allowProtectedPush);
            OneClickSetup.Prepared prepared;
            try {
                prepared = setup.plan(repo, options);
            } catch (SetupException e) {
                err.println("dkm setup: " + e.getMessage());
                return repo.remotes().stream().anyMatch(x -> x.name().equals(remote)) ? 1 : 2;
            }
            SetupPlan plan = prepared.plan();
            if (!json) {
                plan.describe().forEach(out::println);
                out.flush();
            }
            if (dryRun || plan.blocked()) {
                if (json) {
                    out.println(json(plan, null));
                }
                return plan.blocked() ? 1 : 0;
            }
            boolean interactive = System.console() != null;
            if (!yes && !(interactive && HostKeyPrompt.confirm("Set up this deploy key?", context))) {
                err.println(interactive ? "Nothing changed." : "dkm setup: add --yes to run without a terminal; nothing changed");
                return interactive ? 0 : 2;
            }
            SetupResult result = setup.run(prepared, HostKeyPrompt.from(acceptHostKey, context, interactive),
                    json ? SetupListener.NONE : printer(out));
            String runId = result.runId();
            if (json) {
                out.println(json(plan, result));
            } else if (result.complete()) {
                out.println("Done: " + repo.path() + " pushes over SSH with " + plan.keyFile() + " (undo: dkm undo " + runId + ")");
            } else if (result.success()) {
                // Wired and verified, but GitLab will refuse what the user asked for on the default branch: not "Done".
                err.println("dkm setup: not complete: " + repo.path() + " uses " + plan.keyFile() + " over SSH, but "
                        + result.limitation() + " (undo: dkm undo " + runId + ")");
            } else {
                err.println("dkm setup failed: " + result.failure());
            }
            if (!json) {
                result.notes().forEach(n -> out.println("  " + n));
            }
            return result.complete() ? 0 : result.success() ? 3 : 1;
        }
    }

    private static SetupListener printer(PrintWriter out) {
        return new SetupListener() {
            @Override
            public void finished(StepOutcome o) {
                String mark = switch (o.status()) {
                    case DONE -> "✓";
                    case SKIPPED -> "·";
                    case FAILED -> "✗";
                    case ROLLED_BACK -> "↺";
                };
                out.println("  " + mark + " " + o.step().label() + ": " + o.message());
                out.flush();
            }
        };
    }

    static String json(SetupPlan plan, SetupResult result) {
        JsonObject root = new JsonObject();
        JsonObject p = new JsonObject();
        p.addProperty("repository", plan.repo().toString());
        p.addProperty("project", plan.projectPath());
        p.addProperty("instance", plan.instanceUrl());
        p.addProperty("keyFile", plan.keyFile().toString());
        p.addProperty("generateKey", plan.generateKey());
        p.addProperty("keyTitle", plan.keyTitle());
        p.addProperty("access", plan.access());
        p.addProperty("sshUrl", plan.sshUrl());
        p.addProperty("hostKey", plan.hostKey() == null ? null : plan.hostKey().state().name().toLowerCase(java.util.Locale.ROOT));
        p.addProperty("hostKeyFingerprint", plan.hostKey() == null ? null : plan.hostKey().fingerprint());
        p.addProperty("protectedBranch", plan.protectedBranch().detail());
        p.addProperty("alreadyDone", plan.alreadyDone());
        JsonArray changes = new JsonArray();
        plan.configChanges().stream().filter(c -> c.changesSomething()).forEach(c -> changes.add(c.describe()));
        p.add("configChanges", changes);
        JsonArray problems = new JsonArray();
        plan.problems().forEach(problems::add);
        p.add("problems", problems);
        JsonArray notes = new JsonArray();
        plan.notes().forEach(notes::add);
        p.add("notes", notes);
        root.add("plan", p);
        if (result != null) {
            root.addProperty("runId", result.runId());
            root.addProperty("success", result.success());
            root.addProperty("failure", result.failure());
            root.addProperty("complete", result.complete());
            root.addProperty("limitation", result.limitation());
            root.addProperty("deployKeyId", result.deployKeyId());
            JsonArray steps = new JsonArray();
            for (StepOutcome o : result.steps()) {
                JsonObject s = new JsonObject();
                s.addProperty("step", o.step().name().toLowerCase(java.util.Locale.ROOT));
                s.addProperty("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
                s.addProperty("message", o.message());
                steps.add(s);
            }
            root.add("steps", steps);
            JsonArray said = new JsonArray();
            result.notes().forEach(said::add);
            root.add("notes", said);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }
}
