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

    /** True when the rule names this deploy key in Allowed to push. */
    public boolean allowsDeployKeyToPush(long deployKeyId) {
        return pushAccessLevels != null
                && pushAccessLevels.stream().anyMatch(a -> a.deployKeyId() != null && a.deployKeyId() == deployKeyId);
    }
}
