package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.dkm.sandbox.SandboxData.AccessLevel;
import dev.dkm.sandbox.SandboxData.AccessToken;
import dev.dkm.sandbox.SandboxData.DeployKey;
import dev.dkm.sandbox.SandboxData.DeployToken;
import dev.dkm.sandbox.SandboxData.Group;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.ProtectedBranch;
import dev.dkm.sandbox.SandboxData.SshKey;
import dev.dkm.sandbox.SandboxData.User;
import java.util.List;

/** The sandbox's own JSON for each entity, with GitLab's field names (reference/gitlab-api.md). */
final class JsonViews {
    private final ServerUrls urls;

    JsonViews(ServerUrls urls) {
        this.urls = urls;
    }

    JsonObject user(User u, boolean withAdminFlag) {
        JsonObject o = new JsonObject();
        o.addProperty("id", u.id);
        o.addProperty("username", u.username);
        o.addProperty("name", u.name);
        o.addProperty("state", u.state);
        o.addProperty("locked", false);
        o.add("avatar_url", JsonNull.INSTANCE);
        o.addProperty("web_url", urls.webUrl(u.username));
        o.addProperty("bot", u.bot);
        o.addProperty("created_at", Times.format(u.createdAt));
        if (withAdminFlag) {
            o.addProperty("is_admin", u.admin);
        }
        return o;
    }

    JsonObject namespace(SandboxData d, Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("id", g.id);
        o.addProperty("name", g.name);
        o.addProperty("path", g.path);
        o.addProperty("kind", "group");
        o.addProperty("full_path", SandboxState.groupFullPath(d, g));
        o.add("parent_id", g.parentId == null ? JsonNull.INSTANCE : new JsonPrimitive(g.parentId));
        o.add("avatar_url", JsonNull.INSTANCE);
        o.addProperty("web_url", urls.webUrl("groups/" + SandboxState.groupFullPath(d, g)));
        return o;
    }

    /** The Group entity: the namespace fields without {@code kind}, plus description, visibility and names. */
    JsonObject group(SandboxData d, Group g) {
        JsonObject o = namespace(d, g);
        o.remove("kind");
        o.addProperty("description", g.description);
        o.addProperty("visibility", g.visibility);
        o.addProperty("full_name", SandboxState.groupFullName(d, g));
        o.addProperty("created_at", Times.format(g.createdAt));
        return o;
    }

    /** The project; {@code viewer} null means simple=true (no permissions block). */
    JsonObject project(SandboxData d, Project p, User viewer) {
        Group g = SandboxState.group(d, p.groupId).orElseThrow();
        String full = SandboxState.projectPath(d, p);
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id);
        o.addProperty("description", p.description);
        o.addProperty("name", p.name);
        o.addProperty("name_with_namespace", SandboxState.groupFullName(d, g) + " / " + p.name);
        o.addProperty("path", p.path);
        o.addProperty("path_with_namespace", full);
        o.addProperty("created_at", Times.format(p.createdAt));
        o.addProperty("default_branch", p.defaultBranch);
        o.add("tag_list", new JsonArray());
        o.add("topics", new JsonArray());
        o.addProperty("ssh_url_to_repo", urls.sshUrl(full));
        o.addProperty("http_url_to_repo", urls.httpUrl(full));
        o.addProperty("web_url", urls.webUrl(full));
        o.addProperty("readme_url", urls.webUrl(full) + "/-/blob/" + p.defaultBranch + "/README.md");
        o.addProperty("forks_count", 0);
        o.add("avatar_url", JsonNull.INSTANCE);
        o.addProperty("star_count", 0);
        o.addProperty("last_activity_at", Times.format(p.createdAt));
        o.add("namespace", namespace(d, g));
        if (viewer != null) {
            o.addProperty("visibility", p.visibility);
            o.addProperty("archived", false);
            o.addProperty("empty_repo", false);
            JsonObject perms = new JsonObject();
            int projectLevel = memberLevel(d, "project", p.id, viewer.id);
            int groupLevel = viewer.admin ? 0 : SandboxState.groupAccess(d, viewer, p.groupId);
            perms.add("project_access", projectLevel == 0 ? JsonNull.INSTANCE : accessObject(projectLevel));
            perms.add("group_access", groupLevel == 0 ? JsonNull.INSTANCE : accessObject(groupLevel));
            o.add("permissions", perms);
        }
        return o;
    }

    private static int memberLevel(SandboxData d, String type, int id, int userId) {
        return d.members.stream()
                .filter(m -> m.sourceType.equals(type) && m.sourceId == id && m.userId == userId)
                .mapToInt(m -> m.accessLevel).max().orElse(0);
    }

    private static JsonObject accessObject(int level) {
        JsonObject o = new JsonObject();
        o.addProperty("access_level", level);
        o.addProperty("notification_level", 3);
        return o;
    }

    /** The project link for admin GET /deploy_keys' projects_with_* lists. */
    JsonObject projectLink(SandboxData d, Project p) {
        Group g = SandboxState.group(d, p.groupId).orElseThrow();
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id);
        o.addProperty("description", p.description);
        o.addProperty("name", p.name);
        o.addProperty("name_with_namespace", SandboxState.groupFullName(d, g) + " / " + p.name);
        o.addProperty("path", p.path);
        o.addProperty("path_with_namespace", SandboxState.projectPath(d, p));
        o.addProperty("created_at", Times.format(p.createdAt));
        return o;
    }

    /** GitLab's SSHKey entity, the base of deploy keys too. */
    static JsonObject sshKey(int id, String title, long createdAt, Long expiresAt, String key) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("title", title);
        o.addProperty("created_at", Times.format(createdAt));
        o.addProperty("expires_at", Times.format(expiresAt));
        o.addProperty("key", key);
        o.addProperty("usage_type", "auth_and_signing");
        return o;
    }

    static JsonObject sshKey(SshKey k) {
        return sshKey(k.id, k.title, k.createdAt, k.expiresAt, k.key);
    }

    JsonObject deployKey(DeployKey k) {
        JsonObject o = sshKey(k.id, k.title, k.createdAt, k.expiresAt, k.key);
        o.addProperty("fingerprint", k.fingerprint);
        o.addProperty("fingerprint_sha256", k.fingerprintSha256);
        return o;
    }

    JsonObject deployKeyOnProject(DeployKey k, boolean canPush) {
        JsonObject o = deployKey(k);
        o.addProperty("can_push", canPush);
        return o;
    }

    JsonObject deployToken(DeployToken t, boolean withSecret) {
        JsonObject o = new JsonObject();
        o.addProperty("id", t.id);
        o.addProperty("name", t.name);
        o.addProperty("username", t.username);
        o.addProperty("expires_at", Times.format(t.expiresAt));
        o.addProperty("revoked", t.revoked);
        o.addProperty("expired", SandboxState.isExpired(t.expiresAt));
        o.add("scopes", strings(t.scopes));
        if (withSecret) {
            o.addProperty("token", t.token);
        }
        return o;
    }

    JsonObject accessToken(AccessToken t, boolean withSecret) {
        JsonObject o = new JsonObject();
        o.addProperty("id", t.id);
        o.addProperty("name", t.name);
        o.addProperty("revoked", t.revoked);
        o.addProperty("created_at", Times.format(t.createdAt));
        o.addProperty("description", t.description);
        o.add("scopes", strings(t.scopes));
        o.addProperty("user_id", t.userId);
        o.addProperty("last_used_at", Times.format(t.lastUsedAt));
        o.addProperty("active", !t.revoked && !TokenAuthenticator.isExpired(t));
        o.addProperty("expires_at", t.expiresAt);
        if (t.accessLevel != null) {
            o.addProperty("access_level", t.accessLevel);
        }
        if (withSecret) {
            o.addProperty("token", t.token);
        }
        return o;
    }

    JsonObject protectedBranch(ProtectedBranch b) {
        JsonObject o = new JsonObject();
        o.addProperty("id", b.id);
        o.addProperty("name", b.name);
        o.add("push_access_levels", accessLevels(b.pushAccessLevels));
        o.add("merge_access_levels", accessLevels(b.mergeAccessLevels));
        o.add("unprotect_access_levels", new JsonArray());
        o.addProperty("allow_force_push", b.allowForcePush);
        o.addProperty("code_owner_approval_required", b.codeOwnerApprovalRequired);
        return o;
    }

    private static JsonArray accessLevels(List<AccessLevel> levels) {
        JsonArray arr = new JsonArray();
        for (AccessLevel l : levels) {
            JsonObject o = new JsonObject();
            o.addProperty("id", l.id);
            o.addProperty("access_level", l.accessLevel);
            o.addProperty("access_level_description", describe(l));
            o.add("user_id", l.userId == null ? JsonNull.INSTANCE : new JsonPrimitive(l.userId));
            o.add("group_id", JsonNull.INSTANCE);
            if (l.deployKeyId != null) {
                o.addProperty("deploy_key_id", l.deployKeyId);
            }
            arr.add(o);
        }
        return arr;
    }

    static String describe(AccessLevel l) {
        if (l.deployKeyId != null) {
            return l.description == null ? "Deploy key" : l.description; // humanize_deploy_key: the key's title
        }
        if (l.userId != null) {
            return "User " + l.userId;
        }
        int level = l.accessLevel == null ? -1 : l.accessLevel;
        switch (level) {
            case 0: return "No one";
            case 30: return "Developers + Maintainers";
            case 40: return "Maintainers";
            case 60: return "Admins";
            default: return "Access level " + level;
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray arr = new JsonArray();
        values.forEach(arr::add);
        return arr;
    }
}
