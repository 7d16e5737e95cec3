package dev.dkm.gitlab;

import com.google.gson.annotations.SerializedName;

/** A project (reference §5). {@code permissions} is absent with {@code simple=true}. */
public record Project(
        Long id,
        String name,
        String path,
        @SerializedName("path_with_namespace") String pathWithNamespace,
        @SerializedName("default_branch") String defaultBranch,
        @SerializedName("ssh_url_to_repo") String sshUrlToRepo,
        @SerializedName("http_url_to_repo") String httpUrlToRepo,
        @SerializedName("web_url") String webUrl,
        Namespace namespace,
        Permissions permissions) {

    public record Namespace(Long id, String name, String path, String kind, @SerializedName("full_path") String fullPath) {}

    public record Permissions(
            @SerializedName("project_access") Access projectAccess,
            @SerializedName("group_access") Access groupAccess) {}

    public record Access(@SerializedName("access_level") Integer accessLevel) {}

    /** The caller's highest access level through the project or its group, or null when GitLab did not say. */
    public Integer accessLevel() {
        if (permissions == null) {
            return null;
        }
        Integer p = permissions.projectAccess() == null ? null : permissions.projectAccess().accessLevel();
        Integer g = permissions.groupAccess() == null ? null : permissions.groupAccess().accessLevel();
        if (p == null) {
            return g;
        }
        return g == null ? p : Math.max(p, g);
    }
}
