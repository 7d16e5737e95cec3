package dev.dkm.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox GitLab knows, as plain fields so Gson can persist it as one JSON document.
 * Times are epoch milliseconds; access-token expiry is an ISO date like GitLab's. Not thread-safe:
 * {@link SandboxState} guards it.
 */
final class SandboxData {
    Map<String, Integer> sequences = new HashMap<>();
    List<User> users = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    List<Project> projects = new ArrayList<>();
    List<Member> members = new ArrayList<>();
    List<SshKey> sshKeys = new ArrayList<>();
    List<DeployKey> deployKeys = new ArrayList<>();
    List<DeployKeyLink> deployKeyLinks = new ArrayList<>();
    List<DeployToken> deployTokens = new ArrayList<>();
    List<AccessToken> accessTokens = new ArrayList<>();
    List<ProtectedBranch> protectedBranches = new ArrayList<>();

    int nextId(String table) {
        return sequences.merge(table, 1, Integer::sum);
    }

    /** Enables a deploy key on a project (GitLab's deploy_keys_projects row). */
    DeployKeyLink addDeployKeyLink(int deployKeyId, int projectId, boolean canPush) {
        DeployKeyLink l = new DeployKeyLink();
        l.id = nextId("deploy_keys_projects");
        l.createdAt = System.currentTimeMillis();
        l.deployKeyId = deployKeyId;
        l.projectId = projectId;
        l.canPush = canPush;
        deployKeyLinks.add(l);
        return l;
    }

    static final class User {
        int id;
        String username;
        String name;
        String state = "active"; // active | blocked
        boolean admin;
        boolean bot;
        long createdAt;
    }

    static final class Group {
        int id;
        String name;
        String path;
        Integer parentId;
        String visibility = "private";
        String description = "";
        long createdAt;
    }

    static final class Project {
        int id;
        String name;
        String path;
        int groupId;
        String visibility = "private";
        String description = "";
        String defaultBranch = "main";
        long createdAt;
    }

    /** A membership; sourceType is "project" or "group". */
    static final class Member {
        String sourceType;
        int sourceId;
        int userId;
        int accessLevel;
    }

    /** A user's personal SSH key. */
    static final class SshKey {
        int id;
        int userId;
        String title;
        String key;
        String fingerprintSha256;
        Long expiresAt;
        long createdAt;
    }

    static final class DeployKey {
        int id;
        String title;
        String key;
        String fingerprint;
        String fingerprintSha256;
        boolean isPublic;
        Integer userId; // creator: decides protected-branch pushes
        Long expiresAt;
        long createdAt;
    }

    static final class DeployKeyLink {
        int id;
        int deployKeyId;
        int projectId;
        boolean canPush;
        long createdAt;
    }

    static final class DeployToken {
        int id;
        String name;
        String username;
        String token;
        List<String> scopes = new ArrayList<>();
        Long expiresAt;
        boolean revoked;
        Integer projectId;
        Integer groupId;
        long createdAt;
    }

    /** A personal access token, or a project/group access token (then userId is the bot user). */
    static final class AccessToken {
        int id;
        int userId;
        String name;
        String description = "";
        String token;
        List<String> scopes = new ArrayList<>();
        String expiresAt; // ISO date or null
        boolean revoked;
        Long lastUsedAt;
        long createdAt;
        String resourceType; // null for a PAT, "project" or "group"
        Integer resourceId;
        Integer accessLevel;
    }

    static final class ProtectedBranch {
        int id;
        int projectId;
        String name;
        List<AccessLevel> pushAccessLevels = new ArrayList<>();
        List<AccessLevel> mergeAccessLevels = new ArrayList<>();
        boolean allowForcePush;
        boolean codeOwnerApprovalRequired;
    }

    /** One "allowed to push/merge" entry: a role (accessLevel), a deploy key or a user. */
    static final class AccessLevel {
        int id;
        Integer accessLevel;
        Integer deployKeyId;
        Integer userId;
        String description; // a deploy key's entry is described by the key's title (17.5+)
    }
}
