package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;
import java.util.List;

/** A protected branch rule (reference §4). Deploy keys appear in {@code pushAccessLevels} with {@code deployKeyId}. */
public record ProtectedBranch(
        Long id,
        String name,
        @SerializedName("push_access_levels") List<BranchAccess> pushAccessLevels,
        @SerializedName("merge_access_levels") List<BranchAccess> mergeAccessLevels,
        @SerializedName("allow_force_push") Boolean allowForcePush,
        @SerializedName("code_owner_approval_required") Boolean codeOwnerApprovalRequired) {

    public record BranchAccess(
            Long id,
            @SerializedName("access_level") Integer accessLevel,
            @SerializedName("access_level_description") String accessLevelDescription,
            @SerializedName("deploy_key_id") Long deployKeyId,
            @SerializedName("user_id") Long userId,
            @SerializedName("group_id") Long groupId) {}

    /**
     * Whether this rule protects {@code branch}, as GitLab matches it (app/models/ref_matcher.rb): a name with
     * {@code *} is a pattern where each {@code *} stands for any characters, {@code /} included, over the whole
     * branch name; any other name matches only itself. GitLab checks a push against every matching rule together.
     */
    public boolean matches(String branch) {
        if (name == null || name.isEmpty() || branch == null) {
            return false;
        }
        if (name.equals(branch)) {
            return true;
        }
        if (!name.contains("*")) {
            return false;
        }
        String[] parts = name.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(parts[i]));
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL).matcher(branch).matches();
    }

    /** The rules among {@code rules} that protect {@code branch} ({@link #matches}). */
    public static List<ProtectedBranch> matching(java.util.Collection<ProtectedBranch> rules, String branch) {
        return rules.stream().filter(r -> r.matches(branch)).toList();
    }

    /** True when the rule names this deploy key in Allowed to push. */
    public boolean allowsDeployKeyToPush(long deployKeyId) {
        return pushAccessLevels != null
                && pushAccessLevels.stream().anyMatch(a -> a.deployKeyId() != null && a.deployKeyId() == deployKeyId);
    }
}
