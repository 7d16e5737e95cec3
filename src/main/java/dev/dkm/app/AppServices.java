package dev.dkm.app;

import dev.dkm.convert.BulkConverter;
import dev.dkm.convert.TokenCleanup;
import dev.dkm.credentials.CredentialResolver;
import dev.dkm.credentials.TokenStore;
import dev.dkm.credentials.TokenStores;
import dev.dkm.instances.ClientFactory;
import dev.dkm.instances.InstanceConnections;
import dev.dkm.instances.InstanceLogin;
import dev.dkm.instances.InstanceLogout;
import dev.dkm.instances.InstanceOverview;
import dev.dkm.instances.InstanceSelector;
import dev.dkm.deploykeys.ServerKeyStatusLookup;
import dev.dkm.journal.RunUndo;
import dev.dkm.keys.HostKeyProbe;
import dev.dkm.keys.HostKeyVerifier;
import dev.dkm.keys.KnownHostsFile;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.environments.Environments;
import dev.dkm.setup.AccountSide;
import dev.dkm.setup.DeployKeySetup;
import dev.dkm.setup.ThisAccount;
import dev.dkm.setup.GitRunner;
import dev.dkm.setup.SetupPlanner;
import dev.dkm.setup.SshEnvironment;
import dev.dkm.tokens.InstanceConnection;
import dev.dkm.workspace.ScanOptions;
import dev.dkm.workspace.WorkspaceScanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.task.Progress;
import java.nio.file.Files;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The use cases of one app or CLI session, wired once from where things live. */
public final class AppServices implements AutoCloseable {
    /** Environment variables handed to the user's git (so a test's HOME and PATH reach it too). */
    private static final List<String> GIT_ENV = List.of("HOME", "PATH", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL",
            "GIT_CONFIG_NOSYSTEM", "SSH_AUTH_SOCK");

    /** Projects whose deploy keys are listed at the same time by {@link #serverKeyStatus()}. */
    private static final int SERVER_STATUS_CONCURRENCY = 4;

    private final AppDirs dirs;
    private final Function<String, String> env;
    private final Clock clock;
    private volatile Settings settings;
    private final TokenStore tokens;
    private final ClientFactory clients;
    private final CredentialResolver credentials;
    private final InstanceConnections connections;
    private final SshEnvironment ssh;
    private final HostKeyVerifier hostKeys;
    private final GitRunner git;
    private final ThisAccount local;
    private final Environments environments;
    private final DeployKeySetup setup;

    private final InstanceSelector selector;

    private AppServices(AppDirs dirs, Function<String, String> env, TokenStore tokens, ClientFactory clients, Clock clock,
            Path keyDirOverride, String hostOption) {
        this.dirs = dirs;
        this.env = env;
        this.clock = clock;
        this.settings = SettingsStore.at(dirs).load();
        this.tokens = tokens;
        this.clients = clients;
        this.credentials = new CredentialResolver(tokens, env);
        this.selector = new InstanceSelector(() -> this.settings, credentials, hostOption);
        this.connections = new InstanceConnections(() -> selector, credentials, clients);
        SshEnvironment base = sshEnvironment(env);
        this.ssh = keyDirOverride == null ? base : base.withKeyDir(keyDirOverride);
        this.hostKeys = new HostKeyVerifier(new KnownHostsFile(ssh.knownHosts()), new HostKeyProbe(Duration.ofSeconds(15)));
        this.git = new GitRunner("git", gitEnv(env), 120);
        this.local = new ThisAccount(ssh, hostKeys, git);
        this.environments = Environments.forThisProcess();
        this.setup = new DeployKeySetup(this::side, clock);
    }

    public static AppServices create(AppDirs dirs, Function<String, String> env, TokenStore tokens, ClientFactory clients,
            Clock clock, Path keyDirOverride) {
        return create(dirs, env, tokens, clients, clock, keyDirOverride, null);
    }

    /** As above, for a command given {@code --host URL} (null: none), which then comes first in the instance rule. */
    public static AppServices create(AppDirs dirs, Function<String, String> env, TokenStore tokens, ClientFactory clients,
            Clock clock, Path keyDirOverride, String hostOption) {
        return new AppServices(dirs, env, tokens, clients, clock, keyDirOverride, hostOption);
    }

    /** The real user's session: the system directories and environment, the OS keyring (or its file fallback). */
    public static AppServices system(Clock clock) {
        AppDirs dirs = AppDirs.system();
        return create(dirs, System::getenv, TokenStores.open(dirs), ClientFactory.DEFAULT, clock, null);
    }

    /** True when a GitLab instance is configured or GITLAB_TOKEN is set: no need to offer the demo. */
    public static boolean hasConfiguredInstance(AppDirs dirs, Function<String, String> env) {
        String token = env.apply("GITLAB_TOKEN");
        return (token != null && !token.isBlank()) || !SettingsStore.at(dirs).load().instances().isEmpty();
    }

    /**
     * {@code $DKM_SSH_DIR} (keys in {@code DIR/dkm}, trust in {@code DIR/known_hosts}, named explicitly in the wired
     * command), else the real user's {@code ~/.ssh} — from {@code user.home}, which like ssh reads the password database.
     */
    static SshEnvironment sshEnvironment(Function<String, String> env) {
        String dir = env.apply("DKM_SSH_DIR");
        if (dir != null && !dir.isBlank()) {
            Path d = Path.of(dir);
            return new SshEnvironment(d.resolve("dkm"), d.resolve("known_hosts"), false, SshEnvironment.currentIdentity());
        }
        return SshEnvironment.forCurrentUser();
    }

    private static Map<String, String> gitEnv(Function<String, String> env) {
        Map<String, String> m = new HashMap<>();
        for (String name : GIT_ENV) {
            String v = env.apply(name);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    public AppDirs dirs() {
        return dirs;
    }

    public Settings settings() {
        return settings;
    }

    public CredentialResolver credentials() {
        return credentials;
    }

    public InstanceConnections connections() {
        return connections;
    }

    /** The one rule that picks an instance: {@code --host} › {@code GITLAB_HOST} › the remote's › the only configured one. */
    public InstanceSelector instances() {
        return selector;
    }

    public SshEnvironment sshEnvironment() {
        return ssh;
    }

    public HostKeyVerifier hostKeys() {
        return hostKeys;
    }

    public GitRunner git() {
        return git;
    }

    /**
     * The scan as git sees this environment: {@code ~} is {@code $HOME} (git's home, which may differ from the
     * password database's), and the global, system and XDG config files are found from the environment given.
     */
    public WorkspaceScanner scanner() {
        return scanner(ScanOptions.defaults());
    }

    /**
     * Every repository the user has that a token cleanup must consider: under {@code roots} and under the workspace
     * roots the window remembers ("unused" means unused in all of them).
     */
    public List<RepoInfo> scanEveryRoot(Collection<Path> roots) {
        Set<Path> all = new LinkedHashSet<>();
        roots.forEach(r -> all.add(r.toAbsolutePath().normalize()));
        settings().workspaceRoots().stream().filter(Files::isDirectory).forEach(r -> all.add(r.toAbsolutePath().normalize()));
        return scanner().scan(List.copyOf(all), Progress.NONE);
    }

    /** The scanner with other options (a single repository: depth 0), reading git's global files as {@link #scanner()}. */
    public WorkspaceScanner scanner(ScanOptions options) {
        String h = env.apply("HOME");
        Path home = h == null || h.isEmpty() ? dirs.home() : Path.of(h);
        return new WorkspaceScanner(options, dev.dkm.workspace.GlobalGitConfig.forUser(home, env), home);
    }

    /** A planner for one operation (it remembers projects' branch protection for its lifetime). */
    public SetupPlanner planner() {
        return new SetupPlanner(local);
    }

    /** A planner for the repositories of one environment ({@code null}: this account). */
    public SetupPlanner planner(String environment) {
        return new SetupPlanner(side(environment));
    }

    /**
     * Where the account-side steps of a setup run: this process for the caller's own account (null), else the
     * environment's helper, started on first use and stopped when the session closes.
     */
    public AccountSide side(String environment) {
        return environment == null ? local : environments.side(environment);
    }

    /** The helpers of this session's other environments. */
    public Environments environments() {
        return environments;
    }

    public DeployKeySetup setup() {
        return setup;
    }

    public Path runsDir() {
        return dirs.dataDir().resolve("runs");
    }

    public BulkConverter converter() {
        return new BulkConverter(this::planner, setup, connections, runsDir(), clock);
    }

    public RunUndo undo() {
        return new RunUndo(runsDir(), instance -> connections.forInstance(instance)
                .orElseThrow(() -> new IllegalStateException("no token for " + instance + ": " + InstanceSelector.loginHint(instance)))
                .client(), clock, new RunUndo.Configs() {
                    @Override
                    public dev.dkm.gitconfig.ConfigPatch.Revert revert(String environment, Path config,
                            dev.dkm.gitconfig.ConfigPatch patch) throws java.io.IOException {
                        return side(environment).revertConfig(config, patch);
                    }

                    @Override
                    public void restore(String environment, dev.dkm.gitconfig.ConfigSnapshot original) throws java.io.IOException {
                        side(environment).restoreConfig(original);
                    }
                });
    }

    /**
     * Every known instance that has a token, for the tokens dashboard and {@code dkm tokens}; tokens found in remotes are
     * asked about with clients of the same factory (the instance's CA file and proxy applied).
     */
    public List<InstanceConnection> tokenConnections() {
        return connections.all();
    }

    public TokenCleanup tokenCleanup() {
        return new TokenCleanup(connections, instance -> credentials.tokenFor(instance).map(t -> t.token()));
    }

    public InstanceLogin instanceLogin() {
        return new InstanceLogin(SettingsStore.at(dirs), tokens, clients, clock);
    }

    /** Logout, and removal of an instance from the settings. */
    public InstanceLogout instanceLogout() {
        return new InstanceLogout(tokens, SettingsStore.at(dirs));
    }

    public InstanceOverview instanceOverview() {
        return new InstanceOverview(SettingsStore.at(dirs), credentials, clients);
    }

    /** Joins scanned repositories with their projects' deploy keys, a few projects at a time. */
    public ServerKeyStatusLookup serverKeyStatus() {
        return new ServerKeyStatusLookup(connections, SERVER_STATUS_CONCURRENCY);
    }

    /** After a login, logout or removal: the settings are read again and the instance's client is reopened on use. */
    public void instanceChanged(String baseUrl) {
        settings = SettingsStore.at(dirs).load();
        connections.forget(baseUrl);
    }

    /** The defaults of "Preferences", as this session sees them. */
    public Preferences preferences() {
        return Preferences.of(settings);
    }

    /**
     * Writes the defaults into the settings file (atomically, read again first so that an instance or a workspace root
     * saved meanwhile is kept) and the session uses them from now on, as {@link #instanceChanged(String)} does.
     */
    public synchronized Preferences savePreferences(Preferences preferences) {
        SettingsStore store = SettingsStore.at(dirs);
        Settings saved = preferences.applyTo(store.load());
        store.save(saved);
        settings = saved;
        return Preferences.of(saved);
    }

    public Clock clock() {
        return clock;
    }

    public Function<String, String> env() {
        return env;
    }

    @Override
    public void close() {
        environments.close();
        connections.close();
    }
}
