package dev.dkm.sandbox;

import dev.dkm.sandbox.SandboxData.AccessLevel;
import dev.dkm.sandbox.SandboxData.AccessToken;
import dev.dkm.sandbox.SandboxData.DeployKey;
import dev.dkm.sandbox.SandboxData.DeployToken;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Member;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.ProtectedBranch;
import dev.dkm.sandbox.SandboxData.SshKey;
import dev.dkm.sandbox.SandboxData.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes the sandbox's world directly, without the REST API: what the seeders use, and what tests
 * use to set up situations the API cannot create (users, SSH keys, blocked accounts). Access levels
 * are GitLab's numbers (10 Guest … 50 Owner); paths are full paths like {@code acme/platform/api}.
 */
public final class SandboxWorld {
    private final SandboxState state;

    SandboxWorld(SandboxState state) {
        this.state = state;
    }

    public int createUser(String username, String name, boolean admin) {
        return state.write(d -> {
            User u = new User();
            u.id = d.nextId("users");
            u.username = username;
            u.name = name;
            u.admin = admin;
            u.createdAt = System.currentTimeMillis();
            d.users.add(u);
            return u.id;
        });
    }

    public void blockUser(String username) {
        state.write(d -> {
            user(d, username).state = "blocked";
            return null;
        });
    }

    public void unblockUser(String username) {
        state.write(d -> {
            user(d, username).state = "active";
            return null;
        });
    }

    /** Creates a top-level group or a subgroup of an existing group ({@code parent/child}). */
    public int createGroup(String fullPath, String name, String visibility) {
        return state.write(d -> {
            int slash = fullPath.lastIndexOf('/');
            Group g = new Group();
            g.id = d.nextId("namespaces");
            g.path = fullPath.substring(slash + 1);
            g.name = name;
            g.visibility = visibility;
            g.parentId = slash < 0 ? null : group(d, fullPath.substring(0, slash)).id;
            g.createdAt = System.currentTimeMillis();
            d.groups.add(g);
            return g.id;
        });
    }

    /** Creates the project and its bare repository with one commit on main. */
    public int createProject(String fullPath, String name, String visibility) {
        int slash = fullPath.lastIndexOf('/');
        int id = state.write(d -> {
            Project p = new Project();
            p.id = d.nextId("projects");
            p.path = fullPath.substring(slash + 1);
            p.name = name;
            p.visibility = visibility;
            p.groupId = group(d, fullPath.substring(0, slash)).id;
            p.description = "Sandbox project " + name;
            p.createdAt = System.currentTimeMillis();
            d.projects.add(p);
            return p.id;
        });
        BareRepos.create(state.reposDir(), fullPath, "# " + name + "\n\nA project of the dkm sandbox GitLab.\n");
        return id;
    }

    public void addGroupMember(String groupPath, String username, int accessLevel) {
        state.write(d -> addMember(d, "group", group(d, groupPath).id, user(d, username).id, accessLevel));
    }

    public void addProjectMember(String projectPath, String username, int accessLevel) {
        state.write(d -> addMember(d, "project", project(d, projectPath).id, user(d, username).id, accessLevel));
    }

    /** A personal access token; returns its secret. {@code expiresAt} null = never. */
    public String createPersonalAccessToken(String username, String name, List<String> scopes, LocalDate expiresAt) {
        return state.write(d -> newToken(d, user(d, username).id, name, scopes, expiresAt, null, null, null).token);
    }

    /** A project access token: a bot user, member of the project with {@code accessLevel}. Returns its secret. */
    public String createProjectAccessToken(String projectPath, String name, int accessLevel, List<String> scopes,
            LocalDate expiresAt) {
        return state.write(d -> {
            Project p = project(d, projectPath);
            User bot = bot(d, "project_" + p.id + "_bot", name);
            addMember(d, "project", p.id, bot.id, accessLevel);
            return newToken(d, bot.id, name, scopes, expiresAt, "project", p.id, accessLevel).token;
        });
    }

    /** A group access token, as above for a group. Returns its secret. */
    public String createGroupAccessToken(String groupPath, String name, int accessLevel, List<String> scopes,
            LocalDate expiresAt) {
        return state.write(d -> {
            Group g = group(d, groupPath);
            User bot = bot(d, "group_" + g.id + "_bot", name);
            addMember(d, "group", g.id, bot.id, accessLevel);
            return newToken(d, bot.id, name, scopes, expiresAt, "group", g.id, accessLevel).token;
        });
    }

    public void revokeToken(String secret) {
        state.write(d -> {
            d.accessTokens.stream().filter(t -> t.token.equals(secret)).forEach(t -> t.revoked = true);
            return null;
        });
    }

    /** A user's personal SSH key (GitLab: Preferences → SSH keys). Returns its id. */
    public int addUserSshKey(String username, String title, String publicKeyLine) {
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(publicKeyLine)
                .orElseThrow(() -> new IllegalArgumentException("not an SSH public key"));
        return state.write(d -> {
            SshKey k = new SshKey();
            k.id = d.nextId("keys");
            k.userId = user(d, username).id;
            k.title = title;
            k.key = publicKeyLine.strip();
            k.fingerprintSha256 = parsed.fingerprintSha256();
            k.createdAt = System.currentTimeMillis();
            d.sshKeys.add(k);
            return k.id;
        });
    }

    /** A deploy key created by {@code creator} and enabled on the project. Returns its id. */
    public int createDeployKey(String projectPath, String title, String publicKeyLine, boolean canPush,
            String creator, Instant expiresAt) {
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(publicKeyLine)
                .orElseThrow(() -> new IllegalArgumentException("not an SSH public key"));
        return state.write(d -> {
            DeployKey k = new DeployKey();
            k.id = d.nextId("keys");
            k.title = title;
            k.key = publicKeyLine.strip();
            k.fingerprint = parsed.fingerprintMd5();
            k.fingerprintSha256 = parsed.fingerprintSha256();
            k.userId = user(d, creator).id;
            k.expiresAt = expiresAt == null ? null : expiresAt.toEpochMilli();
            k.createdAt = System.currentTimeMillis();
            d.deployKeys.add(k);
            if (projectPath != null) {
                d.addDeployKeyLink(k.id, project(d, projectPath).id, canPush);
            }
            return k.id;
        });
    }

    public void makeDeployKeyPublic(int keyId) {
        state.write(d -> {
            SandboxState.deployKey(d, keyId).orElseThrow().isPublic = true;
            return null;
        });
    }

    public void enableDeployKey(String projectPath, int keyId, boolean canPush) {
        state.write(d -> {
            d.addDeployKeyLink(keyId, project(d, projectPath).id, canPush);
            return null;
        });
    }

    /** A deploy token on a project or a group (exactly one of the paths non-null). Returns its secret. */
    public String createDeployToken(String projectPath, String groupPath, String name, List<String> scopes,
            Instant expiresAt) {
        return state.write(d -> {
            DeployToken t = new DeployToken();
            t.id = d.nextId("deploy_tokens");
            t.name = name;
            t.username = "gitlab+deploy-token-" + t.id;
            t.token = TokenGenerator.deployToken();
            t.scopes = new ArrayList<>(scopes);
            t.expiresAt = expiresAt == null ? null : expiresAt.toEpochMilli();
            t.projectId = projectPath == null ? null : project(d, projectPath).id;
            t.groupId = groupPath == null ? null : group(d, groupPath).id;
            t.createdAt = System.currentTimeMillis();
            d.deployTokens.add(t);
            return t.token;
        });
    }

    /** Revokes a deploy token as the web UI does (the API's DELETE removes it instead). */
    public void revokeDeployToken(String secret) {
        state.write(d -> {
            d.deployTokens.stream().filter(t -> t.token.equals(secret)).forEach(t -> t.revoked = true);
            return null;
        });
    }

    /** The username of the deploy token with this secret (for HTTPS remotes). */
    public String deployTokenUsername(String secret) {
        return state.read(d -> d.deployTokens.stream().filter(t -> t.token.equals(secret)).findFirst()
                .orElseThrow().username);
    }

    /**
     * Protects a branch: {@code pushAccessLevel} 0 (No one), 30, 40 or 60, plus optional deploy keys
     * allowed to push. Returns the rule's id.
     */
    public int protectBranch(String projectPath, String branch, int pushAccessLevel, int... deployKeyIds) {
        return state.write(d -> {
            ProtectedBranch b = new ProtectedBranch();
            b.id = d.nextId("protected_branches");
            b.projectId = project(d, projectPath).id;
            b.name = branch;
            b.pushAccessLevels.add(level(d, pushAccessLevel, null));
            for (int keyId : deployKeyIds) {
                b.pushAccessLevels.add(level(d, SandboxState.MAINTAINER, keyId));
            }
            b.mergeAccessLevels.add(level(d, SandboxState.MAINTAINER, null));
            d.protectedBranches.add(b);
            return b.id;
        });
    }

    public int projectId(String projectPath) {
        return state.read(d -> project(d, projectPath).id);
    }

    public int groupId(String groupPath) {
        return state.read(d -> group(d, groupPath).id);
    }

    public int userId(String username) {
        return state.read(d -> user(d, username).id);
    }

    /** Full paths of all projects, in id order. */
    public List<String> projectPaths() {
        return state.read(d -> d.projects.stream().map(p -> SandboxState.projectPath(d, p)).toList());
    }

    // ---- helpers, under the lock ----

    private static User user(SandboxData d, String username) {
        return SandboxState.userByIdOrName(d, username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
    }

    private static Group group(SandboxData d, String path) {
        return SandboxState.groupByIdOrPath(d, path)
                .orElseThrow(() -> new IllegalArgumentException("no group " + path));
    }

    private static Project project(SandboxData d, String path) {
        return SandboxState.projectByIdOrPath(d, path)
                .orElseThrow(() -> new IllegalArgumentException("no project " + path));
    }

    private static Void addMember(SandboxData d, String type, int sourceId, int userId, int level) {
        d.members.removeIf(m -> m.sourceType.equals(type) && m.sourceId == sourceId && m.userId == userId);
        Member m = new Member();
        m.sourceType = type;
        m.sourceId = sourceId;
        m.userId = userId;
        m.accessLevel = level;
        d.members.add(m);
        return null;
    }


    private static User bot(SandboxData d, String usernameBase, String name) {
        User u = new User();
        u.id = d.nextId("users");
        u.username = usernameBase + "_" + u.id;
        u.name = name;
        u.bot = true;
        u.createdAt = System.currentTimeMillis();
        d.users.add(u);
        return u;
    }

    private static AccessToken newToken(SandboxData d, int userId, String name, List<String> scopes,
            LocalDate expiresAt, String resourceType, Integer resourceId, Integer accessLevel) {
        AccessToken t = new AccessToken();
        t.id = d.nextId("access_tokens");
        t.userId = userId;
        t.name = name;
        t.token = TokenGenerator.personalAccessToken();
        t.scopes = new ArrayList<>(scopes);
        t.expiresAt = expiresAt == null ? null : expiresAt.toString();
        t.createdAt = System.currentTimeMillis();
        t.resourceType = resourceType;
        t.resourceId = resourceId;
        t.accessLevel = accessLevel;
        d.accessTokens.add(t);
        return t;
    }

    private static AccessLevel level(SandboxData d, int accessLevel, Integer deployKeyId) {
        AccessLevel l = new AccessLevel();
        l.id = d.nextId("access_levels");
        l.accessLevel = accessLevel;
        l.deployKeyId = deployKeyId;
        if (deployKeyId != null) { // humanize of a deploy key's entry: the key's title (ProtectedRefDeployKeyAccess)
            l.description = SandboxState.deployKey(d, deployKeyId).map(k -> k.title).orElse(null);
        }
        return l;
    }
}
