package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies. Null fields are left out of the JSON (Gson's default), so GitLab applies its own defaults. */
final class Requests {
    private Requests() {}

    record NewDeployKey(String title, String key, @SerializedName("can_push") Boolean canPush,
                        @SerializedName("expires_at") Instant expiresAt) {}

    record DeployKeyChange(String title, @SerializedName("can_push") Boolean canPush) {}

    record NewDeployToken(String name, List<String> scopes, @SerializedName("expires_at") Instant expiresAt,
                          String username) {}

    record Rotation(@SerializedName("expires_at") LocalDate expiresAt) {}

    record PushAllowance(@SerializedName("deploy_key_id") Long deployKeyId,
                         @SerializedName("access_level") Integer accessLevel) {}

    record NewProtectedBranch(String name, @SerializedName("push_access_level") Integer pushAccessLevel,
                              @SerializedName("merge_access_level") Integer mergeAccessLevel,
                              @SerializedName("allowed_to_push") List<PushAllowance> allowedToPush) {}

    record ProtectedBranchChange(@SerializedName("allowed_to_push") List<PushAllowance> allowedToPush) {}
}
