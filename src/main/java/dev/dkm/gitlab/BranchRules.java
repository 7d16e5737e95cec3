package dev.dkm.gitlab;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's protected-branch rules as GraphQL told them ({@link GitLabClient#branchRules}): the rules read for sure
 * by exact branch name, the names whose rule could not be read for sure, and whether the list is complete.
 */
public record BranchRules(Map<String, ProtectedBranch> rules, Set<String> unsure, boolean complete) {
    public BranchRules {
        rules = Map.copyOf(rules);
        unsure = Set.copyOf(unsure);
    }

    /**
     * The rule protecting {@code branch} by that exact name (as {@code GET protected_branches/:name} finds it): the
     * rule, empty when the branch is not protected, or null when this answer cannot tell (ask REST).
     */
    public Optional<ProtectedBranch> of(String branch) {
        if (branch == null || unsure.contains(branch)) {
            return null;
        }
        ProtectedBranch rule = rules.get(branch);
        if (rule != null) {
            return Optional.of(rule);
        }
        return complete ? Optional.empty() : null;
    }
}
