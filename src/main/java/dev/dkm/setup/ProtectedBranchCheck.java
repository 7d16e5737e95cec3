package dev.dkm.setup;

import dev.dkm.gitlab.GitLabRelease;
import dev.dkm.gitlab.ProtectedBranch;
import java.util.List;
import java.util.Objects;

/**
 * Whether the default branch's protection lets this deploy key push, by GitLab's rule (gitlab-api.md §4): a deploy
 * key pushes to a protected branch when it is named in "Allowed to push", or when a role there is one its creator
 * (the user setting it up) holds; "No one" blocks deploy keys too.
 */
public record ProtectedBranchCheck(String branch, State state, String detail, GitLabRelease version) {
    public enum State { NOT_PROTECTED, ALLOWS_KEY, BLOCKS_KEY, NOT_CHECKED }

    public ProtectedBranchCheck(String branch, State state, String detail) {
        this(branch, state, detail, null);
    }

    public static ProtectedBranchCheck notChecked(String why) {
        return new ProtectedBranchCheck(null, State.NOT_CHECKED, why);
    }

    /**
     * Whether the instance can name a deploy key in "Allowed to push" (GitLab 17.5+); true when the version is
     * unknown (the answer is then checked). CE before 17.5 ignores {@code allowed_to_push[deploy_key_id]}: the PATCH
     * answers 200 and nothing changes (CE's ProtectedRefs::AccessLevelParams reads only {@code push_access_level}).
     */
    public boolean canGrantKey() {
        return version == null || version.atLeast(GitLabRelease.DEPLOY_KEY_PUSH_RULES);
    }

    /**
     * One sentence on what this GitLab allows for the blocked branch, for the end of a setup: never a success.
     */
    public String whatThisGitLabAllows() {
        if (canGrantKey()) {
            return detail + "; this GitLab" + (version == null ? "" : " (" + version.shortName() + ")")
                    + " can name the key in \"Allowed to push\" (--allow-protected-push, or in Settings > Repository)";
        }
        return detail + "; GitLab " + version.shortName() + " cannot name a deploy key in \"Allowed to push\" (that"
                + " came with 17.5), so pushes of this key to " + branch + " will be refused: pull and push other branches"
                + " with it, and ask a Maintainer to let a role you hold push to " + branch + ", or merge through merge requests";
    }

    /** The same check, knowing the instance's version. */
    ProtectedBranchCheck on(GitLabRelease release) {
        return new ProtectedBranchCheck(branch, state, detail, release);
    }

    public boolean blocks() {
        return state == State.BLOCKS_KEY;
    }

    /**
     * @param rule          the branch's protection, or null when it is not protected
     * @param creatorLevel  the access level of the user registering the key, or null when unknown
     * @param keyId         the deploy key's id when it is already on the project, else null
     */
    static ProtectedBranchCheck evaluate(String branch, ProtectedBranch rule, Integer creatorLevel, Long keyId) {
        if (rule == null) {
            return new ProtectedBranchCheck(branch, State.NOT_PROTECTED, branch + " is not protected");
        }
        if (keyId != null && rule.allowsDeployKeyToPush(keyId)) {
            return new ProtectedBranchCheck(branch, State.ALLOWS_KEY, branch + " is protected and allows this deploy key to push");
        }
        List<Integer> roleLevels = rule.pushAccessLevels() == null ? List.of() : rule.pushAccessLevels().stream()
                .filter(a -> a.deployKeyId() == null && a.userId() == null && a.groupId() == null)
                .map(ProtectedBranch.BranchAccess::accessLevel).filter(Objects::nonNull).toList();
        List<Integer> roles = roleLevels.stream().filter(l -> l > 0).toList();
        if (roles.isEmpty()) {
            String who = roleLevels.contains(0) ? "\"No one\"" : "only named users or other keys";
            return new ProtectedBranchCheck(branch, State.BLOCKS_KEY, branch + " is protected and " + who
                    + " may push: deploy keys are blocked unless the key is added to \"Allowed to push\"");
        }
        int needed = roles.stream().min(Integer::compare).orElseThrow();
        if (creatorLevel != null && creatorLevel >= needed) {
            return new ProtectedBranchCheck(branch, State.ALLOWS_KEY, branch + " is protected; the key may push because you (its creator) have the "
                    + roleName(creatorLevel) + " role, as long as you keep it");
        }
        return new ProtectedBranchCheck(branch, State.BLOCKS_KEY, branch + " is protected: pushing needs the " + roleName(needed)
                + " role, which you (the key's creator) do not have");
    }

    static String roleName(int level) {
        return switch (level) {
            case 0 -> "No one";
            case 10 -> "Guest";
            case 20 -> "Reporter";
            case 30 -> "Developer";
            case 40 -> "Maintainer";
            case 50 -> "Owner";
            case 60 -> "Admin";
            default -> "level " + level;
        };
    }
}
