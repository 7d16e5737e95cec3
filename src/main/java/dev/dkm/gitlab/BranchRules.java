package dev.dkm.gitlab;

import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * A project's protected-branch rules as GraphQL told them ({@link GitLabClient#branchRules}): the rules read for sure
 * by name (exact names and wildcards alike), the names whose rule could not be read for sure, and whether the list is complete.
 */
public record BranchRules(Map<String, ProtectedBranch> rules, Set<String> unsure, boolean complete) {
    public BranchRules {
        rules = Map.copyOf(rules);
        unsure = Set.copyOf(unsure);
    }

    /**
     * Every rule protecting {@code branch}, wildcards included ({@link ProtectedBranch#matches}): GitLab checks a push
     * against all of them together. Empty when the branch is not protected, or null when this answer cannot tell
     * (ask REST): a matching rule whose "Allowed to push" was unsure, or more rules than the answer held.
     */
    public List<ProtectedBranch> of(String branch) {
        if (branch == null || !complete || unsure.stream().anyMatch(name -> new ProtectedBranch(null, name, null, null,
                null, null).matches(branch))) {
            return null;
        }
        return ProtectedBranch.matching(rules.values(), branch);
    }
}
