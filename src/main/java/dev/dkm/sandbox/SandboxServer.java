package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A running sandbox: the REST API on {@link #apiUrl()}, SSH git on {@link #sshPort()}, well-known
 * credentials of the seeded users, request counters and fault knobs. Close it to stop both servers.
 */
public final class SandboxServer implements AutoCloseable {
    static {
        // HttpServer writes headers and body separately; with Nagle on, every answer waits ~40 ms for
        // the client's delayed ACK. Read once when HttpServer's config class loads, so set it early.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final SandboxState state;
    private final SandboxWorld world;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final SshGitServer ssh;
    private final RequestCounter counter = new RequestCounter();
    private final FaultInjector faults;
    private final ServerUrls urls = new ServerUrls();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SandboxRelease release;
    private Path workspace;

    private SandboxServer(Sandbox.Builder options) throws IOException {
        this.deleteOnClose = options.dataDir == null;
        this.dataDir = options.dataDir == null ? Files.createTempDirectory("dkm-sandbox-") : options.dataDir;
        Files.createDirectories(dataDir);
        this.state = new SandboxState(dataDir);
        this.world = new SandboxWorld(state);
        this.faults = new FaultInjector(options.faultSeed);
        this.release = options.release;

        ApiRouter router = new ApiRouter();
        JsonViews views = new JsonViews(urls);
        new MetaRoutes(views, release).register(router);
        new ProjectRoutes(views).register(router);
        new DeployKeyRoutes(views, release).register(router);
        new DeployTokenRoutes(views).register(router);
        new AccessTokenRoutes(views, release).register(router);
        new ProtectedBranchRoutes(views, release).register(router);
        new KeyLookupRoutes(views).register(router);
        new MemberRoutes(views).register(router);
        new UserKeyRoutes().register(router);
        ApiHttpHandler handler = new ApiHttpHandler(state, router, counter, faults, new GraphQlRoutes(urls, release));

        http = HttpServer.create(new InetSocketAddress("127.0.0.1", options.httpPort), 0);
        http.createContext("/", handler);
        httpThreads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(httpThreads);
        urls.httpBase("http://127.0.0.1:" + http.getAddress().getPort());
        handler.baseUrl(urls.httpBase());

        ssh = new SshGitServer(state, HostKey.loadOrCreate(dataDir.resolve("ssh_host_ed25519_key")), options.sshPort);
    }

    static SandboxServer start(Sandbox.Builder options) {
        SandboxServer server;
        try {
            server = new SandboxServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox", e);
        }
        boolean fresh = server.state.isEmpty();
        boolean demo = options.demo || options.workspace != null;
        if (fresh) {
            server.state.batch(() -> {
                BaseSeeder.seed(server.world);
                if (demo) {
                    DemoSeeder.seed(server.world);
                }
            });
        }
        server.ssh.start();
        server.urls.sshPort(server.ssh.port());
        server.http.start();
        if (options.workspace != null) {
            new DemoWorkspace(server).create(options.workspace);
            server.workspace = options.workspace;
        }
        server.faults.latencyMs(options.latencyMs);
        server.faults.rateLimitPerMinute(options.rateLimitPerMinute);
        server.faults.failRate(options.failRate);
        server.faults.dropRate(options.dropRate);
        return server;
    }

    /** The GitLab version this sandbox pretends to be, as {@code /version} says it ({@code 16.11.0-sandbox}). */
    public String gitlabVersion() {
        return release.versionString();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return urls.httpBase();
    }

    /** The registry token endpoint ({@code /jwt/auth}), as GitLab serves it for its container registry. */
    public String registryAuthUrl() {
        return urls.httpBase() + RegistryAuth.PATH;
    }

    /** {@code http://127.0.0.1:PORT/api/v4}. */
    public String apiUrl() {
        return urls.httpBase() + ApiHttpHandler.API_PREFIX;
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public int sshPort() {
        return ssh.port();
    }

    /** {@code ssh://git@127.0.0.1:PORT/group/project.git}. */
    public String sshUrl(String projectPath) {
        return urls.sshUrl(projectPath);
    }

    /** The host key's SHA256 fingerprint, {@code SHA256:…}. */
    public String hostKeyFingerprint() {
        return ssh.hostKey().fingerprint();
    }

    /** {@code [127.0.0.1]:PORT ssh-ed25519 AAAA…}, ready for a known_hosts file. */
    public String knownHostsLine() {
        return ssh.hostKey().knownHostsLine(sshPort());
    }

    /** {@code ssh-ed25519 AAAA…}. */
    public String hostPublicKey() {
        return ssh.hostKey().publicKeyLine();
    }

    public String adminToken() {
        return tokenOf(BaseSeeder.ADMIN);
    }

    /** Group Owner of acme and secret. */
    public String ownerToken() {
        return tokenOf(BaseSeeder.OWNER);
    }

    /** Maintainer of the acme group (and so of its subgroup and projects); not a member of secret. */
    public String maintainerToken() {
        return tokenOf(BaseSeeder.MAINTAINER);
    }

    public String developerToken() {
        return tokenOf(BaseSeeder.DEVELOPER);
    }

    /** The PAT of a blocked user: answers 403. */
    public String blockedUserToken() {
        return tokenOf(BaseSeeder.BLOCKED);
    }

    /** The active "sandbox" PAT of a user (after a rotation, the new one). */
    public String tokenOf(String username) {
        return state.read(d -> {
            int userId = SandboxState.userByIdOrName(d, username).orElseThrow().id;
            return d.accessTokens.stream()
                    .filter(t -> t.userId == userId && t.resourceType == null && AccessTokenRoutes.isActive(t))
                    .filter(t -> BaseSeeder.TOKEN_NAME.equals(t.name))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no active sandbox token for " + username)).token;
        });
    }

    /** Direct changes to the world (users, SSH keys, blocking, …) for test set-ups. */
    public SandboxWorld world() {
        return world;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The bare repository of a project, e.g. for asserting what a push did. */
    public Path repoDir(String projectPath) {
        return BareRepos.dir(state.reposDir(), projectPath);
    }

    // ---- request counting ----

    public long requestCount() {
        return counter.total();
    }

    /** Requests to one route, e.g. {@code requestCount("GET", "/projects/:id/deploy_keys")}. */
    public long requestCount(String method, String routeTemplate) {
        return counter.count(method, routeTemplate);
    }

    /** All counts by "METHOD /route/template". */
    public Map<String, Long> requestCounts() {
        return counter.snapshot();
    }

    public void resetRequestCounts() {
        counter.reset();
    }

    // ---- fault injection ----

    public void setLatencyMs(long ms) {
        faults.latencyMs(ms);
    }

    public void setRateLimitPerMinute(int n) {
        faults.rateLimitPerMinute(n);
    }

    public void setFailRate(double p) {
        faults.failRate(p);
    }

    public void setDropRate(double p) {
        faults.dropRate(p);
    }

    /**
     * Answers 500 to every request whose {@code "METHOD /raw/path"} (e.g. {@code "DELETE /api/v4/projects/7/deploy_tokens/3"})
     * matches; null clears it. For tests that break one chosen step of a workflow.
     */
    public void failRequestsMatching(java.util.function.Predicate<String> requestLine) {
        faults.failWhen(requestLine);
    }

    public void setFaultSeed(long seed) {
        faults.seed(seed);
    }

    /**
     * The one line {@code dkm sandbox} prints when ready. It carries local test credentials on purpose:
     * they exist only in this sandbox.
     */
    public String readyJson() {
        JsonObject o = new JsonObject();
        o.addProperty("url", url());
        o.addProperty("api", apiUrl());
        o.addProperty("httpPort", httpPort());
        o.addProperty("sshPort", sshPort());
        o.addProperty("sshHostKeyFingerprint", hostKeyFingerprint());
        o.addProperty("knownHostsLine", knownHostsLine());
        o.addProperty("token", maintainerToken());
        o.addProperty("adminToken", adminToken());
        o.addProperty("ownerToken", ownerToken());
        o.addProperty("developerToken", developerToken());
        o.addProperty("dataDir", dataDir.toString());
        o.addProperty("gitlabVersion", release.versionString());
        if (workspace != null) {
            o.addProperty("workspace", workspace.toString());
        }
        return o.toString();
    }

    /** Stops both servers; safe to call twice (a shutdown hook may race an explicit close). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        httpThreads.shutdownNow();
        ssh.close();
        state.close();
        if (deleteOnClose) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
