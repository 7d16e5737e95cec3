package dev.dkm.bench;

import dev.dkm.keys.Ed25519KeyGenerator;
import dev.dkm.keys.SshPublicKey;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.testsupport.SandboxLogin;
import dev.dkm.testsupport.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * The bulk conversion benchmark (not a test; run by {@code bench/convert-benchmark.sh}): N repositories with
 * personal access tokens in their HTTPS remotes, each its own project on the sandbox GitLab answering every API
 * request after {@code latency} ms; the real {@code dkm convert} process converts them all. Printed against floors
 * measured in the same run:
 * <ul>
 *   <li>API floor = API calls × latency ÷ jobs: the time the calls alone take at that concurrency;</li>
 *   <li>full floor = API floor + the time the verify step's git calls alone take (the same push handshake per
 *       repository, {@code git ls-remote --upload-pack=git-receive-pack}, run with the same concurrency);</li>
 *   <li>a straightforward sequential python-gitlab script registering one deploy key on each project.</li>
 * </ul>
 * Beside them, not in the full floor: the local steps alone (a key pair, the config written, one git call per
 * repository, with the same concurrency), and the CPU of dkm's JVM, of its git/ssh processes and of the sandbox.
 */
public final class ConvertBenchmark {
    private final int repos;
    private final long latencyMs;
    private final int jobs;
    private final boolean sharedKey;
    private final Path work;
    private final Path jar;

    private ConvertBenchmark(int repos, long latencyMs, int jobs, boolean sharedKey, Path work, Path jar) {
        this.repos = repos;
        this.latencyMs = latencyMs;
        this.jobs = jobs;
        this.sharedKey = sharedKey;
        this.work = work;
        this.jar = jar;
    }

    /** Arguments: N LATENCY_MS JOBS WORK_DIR JAR PYTHON_SCRIPT [shared]. */
    public static void main(String[] args) throws Exception {
        ConvertBenchmark bench = new ConvertBenchmark(Integer.parseInt(args[0]), Long.parseLong(args[1]),
                Integer.parseInt(args[2]), args.length > 6 && args[6].equals("shared"), Path.of(args[3]), Path.of(args[4]));
        bench.run(Path.of(args[5]));
        System.exit(0);
    }

    private void run(Path pythonScript) throws Exception {
        try (SandboxServer server = Sandbox.builder().dataDir(work.resolve("gitlab")).start()) {
            IsolatedGit git = new IsolatedGit(work);
            List<String> projects = seed(server);
            Path workspace = workspace(server, git, projects);
            Map<String, String> env = SandboxLogin.of(server, git, work).env();
            double warmUp = warmUp(server, git);

            server.setLatencyMs(latencyMs);
            server.resetRequestCounts();
            List<String> command = new ArrayList<>(List.of(javaBin()));
            command.addAll(dev.dkm.environments.HelperRuntime.CLI_JVM_OPTIONS);
            command.addAll(List.of("-jar", jar.toString(), "convert", workspace.toString(), "--yes", "--jobs", String.valueOf(jobs),
                    "--accept-host-key", server.hostKeyFingerprint(), "--json"));
            if (sharedKey) {
                command.add("--shared-key");
            }
            Cpu before = Cpu.ofThisJvm();
            long start = System.nanoTime();
            Processes.Result convert;
            Cpu dkmCpu;
            try (ChildCpu child = ChildCpu.watch()) {
                convert = Processes.run(work, git.home(), env, command);
                dkmCpu = child.last();
            }
            double wall = seconds(start);
            Cpu during = Cpu.ofThisJvm().minus(before);
            long calls = server.requestCount();
            Map<String, Long> callsByRoute = server.requestCounts();
            String json = convert.stdout();
            int converted = outcomeCount(json, "converted");
            int failed = outcomeCount(json, "failed");
            if (convert.exitCode() != 0 || converted != repos) {
                System.err.println("dkm convert: exit " + convert.exitCode() + ", " + converted + " converted, " + failed
                        + " failed\n" + convert.stderr());
            }

            server.setLatencyMs(0);
            before = Cpu.ofThisJvm();
            double gitFloor = verifyCallsAlone(git, workspace);
            Cpu floorCpu = Cpu.ofThisJvm().minus(before);
            double localFloor = localStepsAlone(git, workspace);

            server.setLatencyMs(latencyMs);
            server.resetRequestCounts();
            Path keys = publicKeys(repos);
            Path projectList = Files.write(work.resolve("projects.txt"), projects);
            Map<String, String> pyEnv = new HashMap<>(git.env());
            pyEnv.put("GITLAB_URL", server.url());
            pyEnv.put("GITLAB_TOKEN", server.maintainerToken());
            start = System.nanoTime();
            Processes.Result python = Processes.run(work, git.home(), pyEnv,
                    List.of(System.getenv().getOrDefault("PYTHON", "python3"), pythonScript.toString(), projectList.toString(), keys.toString()));
            double pythonWall = seconds(start);
            long pythonCalls = server.requestCount();
            if (python.exitCode() != 0) {
                System.err.println("python-gitlab script: exit " + python.exitCode() + "\n" + python.stderr());
            }

            double apiFloor = calls * latencyMs / 1000.0 / jobs;
            double fullFloor = apiFloor + gitFloor;
            System.out.printf("repos                 %d (%d converted, %d failed), %s key%n", repos, converted, failed,
                    sharedKey ? "one shared" : "one per repository");
            System.out.printf("latency per request   %d ms, jobs %d%n", latencyMs, jobs);
            System.out.printf("server warm-up        %d push handshakes before the run (%.2f s, not timed): the floor's"
                    + " handshakes find the server's code compiled, so does dkm%n", WARM_UP_HANDSHAKES, warmUp);
            System.out.printf("dkm convert           %.2f s wall%n", wall);
            System.out.printf("API calls             %d (%.2f per repo)%n", calls, (double) calls / repos);
            callsByRoute.forEach((route, n) -> System.out.printf("  %-48s %d%n", route, n));
            System.out.printf("API floor             %.2f s  = calls × latency ÷ jobs      ratio %.2f×%n", apiFloor, wall / apiFloor);
            System.out.printf("verify git calls      %.2f s  (the push handshake per repo, %d at a time)%n", gitFloor, jobs);
            System.out.printf("full floor            %.2f s  = API floor + verify git calls  ratio %.2f×%n", fullFloor, wall / fullFloor);
            System.out.printf("dkm's own overhead    %.2f s  = wall − full floor (JVM start, scan, keys, config writes, waiting)%n",
                    wall - fullFloor);
            System.out.printf("local steps alone     %.2f s  (per repo: %s, the config rewritten, one git remote -v;"
                    + " %d at a time) — not in the full floor%n", localFloor, sharedKey ? "one key pair for all" : "a new key pair written",
                    jobs);
            System.out.printf("full floor + local    %.2f s                                  ratio %.2f×%n", fullFloor + localFloor,
                    wall / (fullFloor + localFloor));
            System.out.printf("CPU during dkm        dkm's JVM %.2f s, its git/ssh %.2f s, the sandbox (server side) %.2f s"
                    + " = %.1f ms a repository%n", dkmCpu.self(), during.children() - dkmCpu.self(), during.self(),
                    (during.children() + during.self()) * 1000 / repos);
            System.out.printf("CPU during the floor  git/ssh %.2f s, the sandbox (server side) %.2f s = %.1f ms a repository%n",
                    floorCpu.children(), floorCpu.self(), (floorCpu.children() + floorCpu.self()) * 1000 / repos);
            System.out.printf("python-gitlab         %.2f s wall, %d API calls, sequential, registration only%n", pythonWall, pythonCalls);
            System.out.printf("dkm ÷ python-gitlab   %.2f×%n", wall / pythonWall);
            if (sharedKey) {
                printSharedKeyNotes(callsByRoute);
            }
        }
    }

    /**
     * Why a shared key cannot go below one API call per repository (issue 16's target is ≤ 1), from GitLab's source
     * (gitlabhq/gitlabhq): lib/api/deploy_keys.rb enables a key on one project a call
     * ({@code POST /projects/:id/deploy_keys/:key_id/enable}, or a {@code POST …/deploy_keys} with the key), and there is
     * no GraphQL mutation for it (app/graphql/mutations has none). The protected-branch check costs no call per
     * project any more: the run asks GraphQL {@code projects(ids: […])} (app/graphql/resolvers/projects_resolver.rb)
     * with {@code branchRules} (app/graphql/types/project_type.rb, types/projects/branch_rule_type.rb,
     * types/branch_protections/push_access_level_type.rb) for 50 projects a request — so a repository costs
     * 1 + (listing pages + 1 version + GraphQL pages) ÷ repositories: just above 1, never ≤ 1.
     */
    private void printSharedKeyNotes(Map<String, Long> callsByRoute) {
        long enables = callsByRoute.entrySet().stream().filter(e -> e.getKey().startsWith("POST ") && e.getKey().contains("deploy_keys"))
                .mapToLong(Map.Entry::getValue).sum();
        long branchChecks = callsByRoute.entrySet().stream().filter(e -> e.getKey().contains("protected_branches")).mapToLong(Map.Entry::getValue).sum();
        long graphql = callsByRoute.getOrDefault("POST /api/graphql", 0L);
        long rest = callsByRoute.values().stream().mapToLong(Long::longValue).sum() - enables - branchChecks - graphql;
        System.out.printf("notes (shared key):   %d key registrations (1 per project: GitLab enables a key on one project a call, "
                + "lib/api/deploy_keys.rb; no GraphQL mutation does it) + %d GraphQL requests (the default branches' "
                + "protection, 50 projects each) + %d REST protected-branch checks (what GraphQL could not answer) "
                + "+ %d other calls (look-ups)%n", enables, graphql, branchChecks, rest);
        System.out.printf("                      floor: 1 registration a repository + %d other calls ÷ %d repositories = "
                + "%.3f calls a repo (> 1: the per-project enable alone is 1)%n", graphql + branchChecks + rest, repos,
                (enables + graphql + branchChecks + rest) / (double) repos);
    }

    /** How many push handshakes warm the sandbox's SSH server (MINA's and JGit's code, JIT-compiled) up first. */
    private static final int WARM_UP_HANDSHAKES = 200;

    /**
     * The floor's handshakes run after dkm's, against a server whose SSH code the JIT has compiled by then; without
     * this, dkm's run alone would pay the server's warm-up (its CPU shares the machine with dkm). A project of its own
     * with a deploy key, one clone wired to it, {@link #WARM_UP_HANDSHAKES} handshakes {@code jobs} at a time.
     */
    private double warmUp(SandboxServer server, IsolatedGit git) throws Exception {
        long start = System.nanoTime();
        String project = "bench/warm-up";
        server.world().createProject(project, "warm-up", "private");
        Path dir = Files.createDirectories(work.resolve("warm-up"));
        var key = new Ed25519KeyGenerator().generateInto(dir.resolve("key"), "warm-up");
        server.world().createDeployKey(project, "warm-up", key.publicKey().toLine(), true, "maria", null);
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path repo = dir.resolve("repo");
        git.git(work, "init", "-q", repo.toString()).assertOk();
        git.git(repo, "remote", "add", "origin", server.sshUrl(project)).assertOk();
        git.git(repo, "config", "core.sshCommand", dev.dkm.setup.SshCommandLine.forKey(key.privateKey(), knownHosts)).assertOk();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Processes.Result>> done = new ArrayList<>();
            for (int i = 0; i < WARM_UP_HANDSHAKES; i++) {
                done.add(pool.submit(() -> git.git(repo, "-c", "protocol.version=0", "ls-remote", "--upload-pack=git-receive-pack", "origin")));
            }
            for (Future<Processes.Result> f : done) {
                f.get().assertOk();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return seconds(start);
    }

    /** One group the maintainer belongs to, one project per repository. */
    private List<String> seed(SandboxServer server) {
        var world = server.world();
        world.createGroup("bench", "Bench", "private");
        world.addGroupMember("bench", "maria", 40);
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < repos; i++) {
            String path = String.format("bench/repo-%04d", i);
            world.createProject(path, "repo " + i, "private");
            projects.add(path);
        }
        return projects;
    }

    /** One real clone, copied N times (cloning each would time git, not us), then each remote set to its project. */
    private Path workspace(SandboxServer server, IsolatedGit git, List<String> projects) throws Exception {
        Path template = work.resolve("template");
        git.git(work, "clone", "-q", server.repoDir(projects.get(0)).toString(), template.toString()).assertOk();
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        String withToken = server.url().replace("http://", "http://oauth2:" + server.maintainerToken() + "@");
        for (int i = 0; i < projects.size(); i++) {
            Path repo = workspace.resolve(String.format("team%d/repo-%04d", i % 10, i));
            copyTree(template, repo);
            git.git(repo, "remote", "set-url", "origin", withToken + "/" + projects.get(i) + ".git").assertOk();
        }
        return workspace;
    }

    /** The verify step's git calls on every converted repository, {@code jobs} at a time, with no API latency. */
    private double verifyCallsAlone(IsolatedGit git, Path workspace) throws Exception {
        // what the verify step runs for a read-write key (RemoteAccessVerifier.canWrite)
        return jobsAtATime(repositories(workspace), (i, repo) -> git.git(repo, "-c", "protocol.version=0", "ls-remote",
                "--upload-pack=git-receive-pack", "origin"));
    }

    /**
     * The local work dkm cannot skip for a repository, alone, {@code jobs} at a time: a new Ed25519 key pair written
     * (0600, synced; once for a shared key), the repository's config written again whole (atomically, synced; to a
     * copy beside it, so the repository is left as it is), and the one git call that tells which URLs git resolves
     * for the remote. Printed apart from the full floor, which stays what it was (API calls + handshakes).
     */
    private double localStepsAlone(IsolatedGit git, Path workspace) throws Exception {
        Ed25519KeyGenerator generator = new Ed25519KeyGenerator();
        Path keys = Files.createDirectories(work.resolve("floor-keys"));
        return jobsAtATime(repositories(workspace), (i, repo) -> {
            if (!sharedKey || i == 0) { // a shared key is made once
                generator.generateInto(keys.resolve("key-" + i), "floor");
            }
            byte[] config = Files.readAllBytes(repo.resolve(".git/config"));
            dev.dkm.files.AtomicFiles.write(repo.resolve(".git/config.floor-copy"), config, dev.dkm.files.FileMode.KEEP_OR_PRIVATE);
            git.git(repo, "remote", "-v");
        });
    }

    private static List<Path> repositories(Path workspace) throws IOException {
        try (Stream<Path> s = Files.walk(workspace, 2)) {
            return s.filter(p -> Files.isDirectory(p.resolve(".git"))).toList();
        }
    }

    private interface RepoStep {
        void run(int index, Path repo) throws Exception;
    }

    /** Runs {@code step} on every repository, {@code jobs} at a time; the wall-clock seconds they took. */
    private double jobsAtATime(List<Path> repos, RepoStep step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < repos.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    step.run(index, repos.get(index));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return seconds(start);
    }

    /** N fresh public keys for the python-gitlab script (so GitLab sees new keys, as with dkm). */
    private Path publicKeys(int n) throws IOException {
        Ed25519KeyGenerator generator = new Ed25519KeyGenerator();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(SshPublicKey.parse(PublicKeyEntry.toString(generator.generate().getPublic()) + " python-" + i).toLine());
        }
        return Files.write(work.resolve("python-keys.txt"), lines, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The run's count of one outcome from {@code dkm convert --json}; 0 when there is no report. */
    private static int outcomeCount(String json, String outcome) {
        try {
            return com.google.gson.JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("counts").get(outcome).getAsInt();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds (user + system) from {@code /proc/PID/stat}: a process's own, and its children's that it waited for
     * (their waited-for descendants included). The clock tick is 100 Hz on Linux.
     */
    record Cpu(double self, double children) {
        static Cpu ofThisJvm() {
            return of(ProcessHandle.current().pid());
        }

        static Cpu of(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state(0) … utime(11) stime(12) cutime(13) cstime(14)
                return new Cpu((Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0,
                        (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        Cpu minus(Cpu o) {
            return new Cpu(self - o.self, children - o.children);
        }
    }

    /** Samples the CPU of this JVM's one child process (dkm) every 20 ms while it runs: the last sample is kept. */
    private static final class ChildCpu implements AutoCloseable {
        private final Thread thread;
        private volatile Cpu last = new Cpu(0, 0);
        private volatile boolean stop;

        private ChildCpu() {
            thread = new Thread(() -> {
                while (!stop) {
                    ProcessHandle.current().children().findFirst().map(h -> Cpu.of(h.pid())).ifPresent(c -> last = c);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static ChildCpu watch() {
            return new ChildCpu();
        }

        Cpu last() {
            return last;
        }

        @Override
        public void close() {
            stop = true;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
