package dev.dkm.sandbox;

import dev.dkm.sandbox.SandboxData.AccessLevel;
import dev.dkm.sandbox.SandboxData.DeployKey;
import dev.dkm.sandbox.SandboxData.DeployKeyLink;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.ProtectedBranch;
import dev.dkm.sandbox.SandboxData.SshKey;
import dev.dkm.sandbox.SandboxData.User;
import java.util.Optional;

/**
 * Who may fetch or push over SSH, with gitlab-shell's messages. The key was accepted at login if the
 * instance knows it; the per-project decision happens here, when the command names the project.
 */
final class GitAccessPolicy {
    static final String PROJECT_NOT_FOUND =
            "The project you were looking for could not be found or you don't have permission to view it.";
    static final String DEPLOY_KEY_READ_ONLY = "This deploy key does not have write access to this project.";
    static final String USER_CANNOT_PUSH = "You are not allowed to push code to this project.";
    static final String USER_CANNOT_DOWNLOAD = "You are not allowed to download code from this project.";
    static final String PROTECTED_PUSH = "You are not allowed to push code to protected branches on this project.";
    static final String PROTECTED_FORCE_PUSH =
            "You are not allowed to force push code to a protected branch on this project.";
    static final String PROTECTED_DELETE = "You can only delete protected branches using the web interface.";
    static final String KEY_EXPIRED = "Your SSH key has expired.";
    static final String ACCOUNT_BLOCKED = "Your account has been blocked.";

    /** The authenticated party: a deploy key or a user (through one of their SSH keys). */
    record Actor(DeployKey deployKey, User user) {
        String describe() {
            return deployKey != null ? "deploy key " + deployKey.id : "user " + user.username;
        }
    }

    /** The answer: an actor allowed in, or a message to show. */
    record Decision(Actor actor, String error) {
        static Decision deny(String message) {
            return new Decision(null, message);
        }
    }

    private GitAccessPolicy() {}

    /** Whether the instance knows this key at all (login time). */
    static Optional<Actor> actorFor(SandboxData d, String fingerprintSha256) {
        for (DeployKey k : d.deployKeys) {
            if (k.fingerprintSha256.equals(fingerprintSha256)) {
                return Optional.of(new Actor(k, null));
            }
        }
        for (SshKey k : d.sshKeys) {
            if (k.fingerprintSha256.equals(fingerprintSha256)) {
                return SandboxState.user(d, k.userId).map(u -> new Actor(null, u));
            }
        }
        return Optional.empty();
    }

    static boolean mayLogIn(SandboxData d, String fingerprintSha256) {
        return actorFor(d, fingerprintSha256).isPresent();
    }

    /** The decision for a fetch or a push of the project at {@code fullPath}. */
    static Decision decide(SandboxData d, String fingerprintSha256, String fullPath, boolean push) {
        Optional<Actor> found = actorFor(d, fingerprintSha256);
        Optional<Project> project = SandboxState.projectByIdOrPath(d, fullPath);
        if (found.isEmpty() || project.isEmpty()) {
            return Decision.deny(PROJECT_NOT_FOUND);
        }
        Actor actor = found.get();
        Project p = project.get();
        if (actor.deployKey != null) {
            if (SandboxState.isExpired(actor.deployKey.expiresAt)) {
                return Decision.deny(KEY_EXPIRED);
            }
            Optional<DeployKeyLink> link = SandboxState.link(d, p.id, actor.deployKey.id);
            if (link.isEmpty()) {
                return Decision.deny(PROJECT_NOT_FOUND);
            }
            if (push && !link.get().canPush) {
                return Decision.deny(DEPLOY_KEY_READ_ONLY);
            }
            return new Decision(actor, null);
        }
        User u = actor.user;
        Optional<SshKey> key = d.sshKeys.stream().filter(k -> k.fingerprintSha256.equals(fingerprintSha256)).findFirst();
        if (key.isPresent() && SandboxState.isExpired(key.get().expiresAt)) {
            return Decision.deny(KEY_EXPIRED);
        }
        if (!"active".equals(u.state)) {
            return Decision.deny(ACCOUNT_BLOCKED);
        }
        if (!SandboxState.canSee(d, u, p)) {
            return Decision.deny(PROJECT_NOT_FOUND);
        }
        int level = SandboxState.projectAccess(d, u, p);
        if (push && level < SandboxState.DEVELOPER) {
            return Decision.deny(USER_CANNOT_PUSH);
        }
        if (!push && "private".equals(p.visibility) && level < SandboxState.REPORTER) {
            return Decision.deny(USER_CANNOT_DOWNLOAD);
        }
        return new Decision(actor, null);
    }

    /**
     * Every protected-branch rule matching {@code branch}, as GitLab's ProtectedRef#matching: the exact name or a
     * pattern whose {@code *} matches any characters, {@code /} included (app/models/ref_matcher.rb). A branch is
     * protected when the list is not empty, and GitLab checks a push against all of them together.
     */
    static java.util.List<ProtectedBranch> protection(SandboxData d, Project p, String branch) {
        return d.protectedBranches.stream()
                .filter(b -> b.projectId == p.id && matches(b.name, branch))
                .toList();
    }

    private static boolean matches(String pattern, String branch) {
        if (!pattern.contains("*")) {
            return pattern.equals(branch);
        }
        String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
        return branch.matches(regex);
    }

    /**
     * May the actor push to a branch these rules protect? GitLab takes the union: the push is allowed when any
     * "Allowed to push" entry of any matching rule admits the actor (ProtectedRef.access_levels_for_ref =
     * matching(ref).flat_map(push_access_levels), protected_ref_accessible_to? = any? check_access).
     */
    static boolean mayPushProtected(SandboxData d, Project p, java.util.List<ProtectedBranch> rules, Actor actor) {
        return rules.stream().anyMatch(b -> mayPushProtected(d, p, b, actor));
    }

    /**
     * Does this one rule let the actor push? A deploy key named in the rule may; otherwise a deploy
     * key acts with its creator's role, and only while the creator is an active member. "No one" (0)
     * lets no role through.
     */
    private static boolean mayPushProtected(SandboxData d, Project p, ProtectedBranch b, Actor actor) {
        User who = actor.user;
        if (actor.deployKey != null) {
            if (b.pushAccessLevels.stream().anyMatch(l -> l.deployKeyId != null && l.deployKeyId == actor.deployKey.id)) {
                return true;
            }
            who = actor.deployKey.userId == null ? null : SandboxState.user(d, actor.deployKey.userId).orElse(null);
            if (who == null || !"active".equals(who.state)) {
                return false;
            }
        }
        int level = who.admin ? 60 : SandboxState.memberProjectAccess(d, who, p);
        for (AccessLevel l : b.pushAccessLevels) {
            if (l.deployKeyId != null) {
                continue;
            }
            if (l.userId != null && actor.deployKey == null && l.userId == who.id) {
                return true;
            }
            if (l.userId == null && l.accessLevel != null && l.accessLevel > 0 && level >= l.accessLevel) {
                return true;
            }
        }
        return false;
    }
}
