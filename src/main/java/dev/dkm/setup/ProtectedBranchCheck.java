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
public record ProtectedBranchCheck(String branch, State state, String detail, GitLabRelease version, List<String> rules) {
    public enum State { NOT_PROTECTED, ALLOWS_KEY, BLOCKS_KEY, NOT_CHECKED }

    public ProtectedBranchCheck {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public ProtectedBranchCheck(String branch, State state, String detail) {
        this(branch, state, detail, null, List.of());
    }

    public ProtectedBranchCheck(String branch, State state, String detail, GitLabRelease version) {
        this(branch, state, detail, version, List.of());
    }

    /**
     * Whether a rule protects the branch by its exact name: only such a rule can name the key in "Allowed to push"
     * for this branch alone. Naming it in a wildcard rule would let it push to every branch the pattern matches.
     */
    public boolean hasExactRule() {
        return branch != null && rules.contains(branch);
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

    /**
     * What to do by hand when only wildcard rules protect the branch and GitLab refused the rule dkm makes for the key
     * ({@link #ruleForTheKeyAlone}): naming the key in a wildcard rule would let it push to every branch the pattern
     * matches, so dkm leaves them as they are; GitLab adds up the rules matching a branch, so a rule for the branch by
     * its own name that allows the key opens the branch to the key alone.
     */
    public String onlyWildcardsBlock() {
        return detail + "; dkm does not name the key in a wildcard rule (it could then push to every branch the rule"
                + " matches): protect " + branch + " by its own name in Settings > Repository > Protected branches, allowing"
                + " this deploy key to push, and GitLab will let the key push to " + branch + " alone";
    }

    /** What --allow-protected-push will do when only wildcard rules block the key (GitLab 17.5+). */
    public String ruleForTheKeyAlone() {
        return "a rule for " + branch + " by its own name will be created where only this key may push (GitLab 17.5+;"
                + " the wildcard rules " + String.join(", ", rules) + " stay as they are, undo removes it)";
    }

    /** The same check, knowing the instance's version. */
    ProtectedBranchCheck on(GitLabRelease release) {
        return new ProtectedBranchCheck(branch, state, detail, release, rules);
    }

    public boolean blocks() {
        return state == State.BLOCKS_KEY;
    }

    /**
     * GitLab checks a push against every rule matching the branch together (app/models/concerns/protected_ref.rb,
     * access_levels_for_ref: the push is allowed when any "Allowed to push" entry of any matching rule admits it).
     *
     * @param matching      every rule protecting the branch, wildcards included; empty when it is not protected
     * @param creatorLevel  the access level of the user registering the key, or null when unknown
     * @param keyId         the deploy key's id when it is already on the project, else null
     */
    static ProtectedBranchCheck evaluate(String branch, List<ProtectedBranch> matching, Integer creatorLevel, Long keyId) {
        List<ProtectedBranch> rules = matching == null ? List.of() : matching;
        List<String> names = rules.stream().map(ProtectedBranch::name).sorted().toList(); // one order whichever way asked
        if (rules.isEmpty()) {
            return new ProtectedBranchCheck(branch, State.NOT_PROTECTED, branch + " is not protected", null, names);
        }
        String protectedBy = protectedBy(branch, names);
        if (keyId != null) {
            var naming = rules.stream().filter(r -> r.allowsDeployKeyToPush(keyId)).findFirst();
            if (naming.isPresent()) {
                String by = naming.get().name().equals(branch) ? "" : " (the rule " + naming.get().name() + " names it)";
                return new ProtectedBranchCheck(branch, State.ALLOWS_KEY, protectedBy + " and allows this deploy key to push"
                        + by, null, names);
            }
        }
        List<Integer> roleLevels = rules.stream()
                .flatMap(r -> r.pushAccessLevels() == null ? java.util.stream.Stream.empty() : r.pushAccessLevels().stream())
                .filter(a -> a.deployKeyId() == null && a.userId() == null && a.groupId() == null)
                .map(ProtectedBranch.BranchAccess::accessLevel).filter(Objects::nonNull).toList();
        List<Integer> roles = roleLevels.stream().filter(l -> l > 0).toList();
        if (roles.isEmpty()) {
            String who = roleLevels.contains(0) ? "\"No one\"" : "only named users or other keys";
            return new ProtectedBranchCheck(branch, State.BLOCKS_KEY, protectedBy + " and " + who
                    + " may push: deploy keys are blocked unless the key is added to \"Allowed to push\"", null, names);
        }
        int needed = roles.stream().min(Integer::compare).orElseThrow();
        if (creatorLevel != null && creatorLevel >= needed) {
            return new ProtectedBranchCheck(branch, State.ALLOWS_KEY, protectedBy + "; the key may push because you (its creator) have the "
                    + roleName(creatorLevel) + " role, as long as you keep it", null, names);
        }
        return new ProtectedBranchCheck(branch, State.BLOCKS_KEY, protectedBy + ": pushing needs the " + roleName(needed)
                + " role, which you (the key's creator) do not have", null, names);
    }

    /** "main is protected", or, when a wildcard takes part, the rules by name: "main is protected by the rules *, main". */
    private static String protectedBy(String branch, List<String> names) {
        if (names.equals(List.of(branch))) {
            return branch + " is protected";
        }
        return branch + " is protected by the rule" + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
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
