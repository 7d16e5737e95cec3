package dev.dkm.sandbox;

import dev.dkm.sandbox.SandboxData.DeployKey;
import dev.dkm.sandbox.SandboxData.DeployKeyLink;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Member;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The model plus the lookups and permission rules everyone needs. One lock guards it all: REST
 * handlers and SSH commands run concurrently, and the model is small.
 */
final class SandboxState {
    static final int GUEST = 10;
    static final int REPORTER = 20;
    static final int DEVELOPER = 30;
    static final int MAINTAINER = 40;
    static final int OWNER = 50;

    /** How long a write waits for others to share its save. */
    static final long SAVE_DELAY_MS = 500;

    private final Object lock = new Object();
    private final Object fileLock = new Object();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sandbox-state-save");
        t.setDaemon(true);
        return t;
    });
    private boolean saveScheduled;
    private volatile int saves;
    private boolean closed;
    private final StateStore store;
    private final Path reposDir;
    private final SandboxData data;
    private int batchDepth;

    SandboxState(Path dataDir) {
        this.store = new StateStore(dataDir);
        this.reposDir = dataDir.resolve("repos");
        this.data = store.load();
    }

    boolean isEmpty() {
        return data.users.isEmpty();
    }

    Path reposDir() {
        return reposDir;
    }

    /** Runs {@code action} under the lock. */
    <T> T read(Function<SandboxData, T> action) {
        synchronized (lock) {
            return action.apply(data);
        }
    }

    /**
     * Runs {@code action} under the lock and persists the result soon: within {@link #SAVE_DELAY_MS}, one save for
     * all the writes made meanwhile ({@link #save} and {@link #close} save at once). Saving rewrites the whole
     * state.json, which grows with the world: a save per write made each request of a bulk run cost the server
     * in proportion to the number of projects (1,000 projects: 844 kB, ~20 ms of wall a save on a loaded machine,
     * under the lock every request needs) — CPU that a benchmark on the same machine took from the client it
     * measures, and that GitLab's own database does not cost it.
     */
    <T> T write(Function<SandboxData, T> action) {
        synchronized (lock) {
            T result = action.apply(data);
            if (batchDepth == 0) {
                saveSoon();
            }
            return result;
        }
    }

    /** Call under the lock. */
    private void saveSoon() {
        if (!saveScheduled && !closed) {
            saveScheduled = true;
            saver.schedule(() -> {
                try {
                    save();
                } catch (RuntimeException e) {
                    System.err.println("sandbox: " + e.getMessage() + " (tried again with the next change, and on close)");
                }
            }, SAVE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Many writes, one save: seeding a demo world would otherwise rewrite state.json a hundred times. */
    void batch(Runnable writes) {
        synchronized (lock) {
            batchDepth++;
            try {
                writes.run();
            } finally {
                batchDepth--;
                if (batchDepth == 0) {
                    saveSoon();
                }
            }
        }
    }

    /** Saves now: the state is taken under the lock, written outside it, and saves are written in the order taken. */
    void save() {
        synchronized (fileLock) {
            String json;
            synchronized (lock) {
                saveScheduled = false;
                json = store.json(data);
            }
            store.write(json);
            saves++;
        }
    }

    /** How many times state.json was written (tests). */
    int saves() {
        return saves;
    }

    /** Saves what is not saved yet; later writes are kept in memory only. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
        saver.shutdownNow();
        save();
    }

    // ---- lookups (call under the lock) ----

    static Optional<User> user(SandboxData d, int id) {
        return d.users.stream().filter(u -> u.id == id).findFirst();
    }

    static Optional<User> userByIdOrName(SandboxData d, String idOrName) {
        return d.users.stream()
                .filter(u -> String.valueOf(u.id).equals(idOrName) || u.username.equals(idOrName))
                .findFirst();
    }

    static Optional<Group> group(SandboxData d, int id) {
        return d.groups.stream().filter(g -> g.id == id).findFirst();
    }

    static String groupFullPath(SandboxData d, Group g) {
        return g.parentId == null ? g.path : groupFullPath(d, group(d, g.parentId).orElseThrow()) + "/" + g.path;
    }

    static String groupFullName(SandboxData d, Group g) {
        return g.parentId == null ? g.name : groupFullName(d, group(d, g.parentId).orElseThrow()) + " / " + g.name;
    }

    static Optional<Group> groupByIdOrPath(SandboxData d, String idOrPath) {
        return d.groups.stream()
                .filter(g -> String.valueOf(g.id).equals(idOrPath) || groupFullPath(d, g).equals(idOrPath))
                .findFirst();
    }

    static Optional<Project> project(SandboxData d, int id) {
        return d.projects.stream().filter(p -> p.id == id).findFirst();
    }

    static String projectPath(SandboxData d, Project p) {
        return groupFullPath(d, group(d, p.groupId).orElseThrow()) + "/" + p.path;
    }

    static Optional<Project> projectByIdOrPath(SandboxData d, String idOrPath) {
        return d.projects.stream()
                .filter(p -> String.valueOf(p.id).equals(idOrPath) || projectPath(d, p).equals(idOrPath))
                .findFirst();
    }

    static Optional<DeployKey> deployKey(SandboxData d, int id) {
        return d.deployKeys.stream().filter(k -> k.id == id).findFirst();
    }

    static Optional<DeployKeyLink> link(SandboxData d, int projectId, int keyId) {
        return d.deployKeyLinks.stream()
                .filter(l -> l.projectId == projectId && l.deployKeyId == keyId)
                .findFirst();
    }

    /** The group and its ancestors, nearest first. */
    static List<Group> groupChain(SandboxData d, int groupId) {
        List<Group> chain = new ArrayList<>();
        Optional<Group> g = group(d, groupId);
        while (g.isPresent()) {
            chain.add(g.get());
            g = g.get().parentId == null ? Optional.empty() : group(d, g.get().parentId);
        }
        return chain;
    }

    // ---- permissions ----

    /** The user's role in the group (inherited from ancestors); 0 when none. Admins count as Owner. */
    static int groupAccess(SandboxData d, User u, int groupId) {
        return u.admin ? OWNER : memberGroupAccess(d, u, groupId);
    }

    /** The role from group memberships only (own or ancestors'), without the admin shortcut. */
    static int memberGroupAccess(SandboxData d, User u, int groupId) {
        int level = 0;
        for (Group g : groupChain(d, groupId)) {
            level = Math.max(level, memberLevel(d, "group", g.id, u.id));
        }
        return level;
    }

    /** The user's role in the project, direct or through its groups; 0 when none. Admins count as Owner. */
    static int projectAccess(SandboxData d, User u, Project p) {
        if (u.admin) {
            return OWNER;
        }
        return Math.max(memberLevel(d, "project", p.id, u.id), groupAccess(d, u, p.groupId));
    }

    /** Like projectAccess but without the admin shortcut: real membership only. */
    static int memberProjectAccess(SandboxData d, User u, Project p) {
        return Math.max(memberLevel(d, "project", p.id, u.id), memberGroupAccess(d, u, p.groupId));
    }

    static boolean canSee(SandboxData d, User u, Project p) {
        return !"private".equals(p.visibility) || projectAccess(d, u, p) >= GUEST;
    }

    static boolean canSeeGroup(SandboxData d, User u, Group g) {
        return !"private".equals(g.visibility) || u.admin
                || groupAccess(d, u, g.id) > 0
                || d.projects.stream().anyMatch(p -> groupChain(d, p.groupId).stream().anyMatch(x -> x.id == g.id)
                        && memberProjectAccess(d, u, p) > 0);
    }

    private static int memberLevel(SandboxData d, String type, int sourceId, int userId) {
        int level = 0;
        for (Member m : d.members) {
            if (m.userId == userId && m.sourceId == sourceId && m.sourceType.equals(type)) {
                level = Math.max(level, m.accessLevel);
            }
        }
        return level;
    }

    static boolean isExpired(Long expiresAtMillis) {
        return expiresAtMillis != null && expiresAtMillis <= System.currentTimeMillis();
    }
}
