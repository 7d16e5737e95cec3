package dev.dkm.gitlab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instance's GitLab version as {@code /version} or {@code /metadata} report it ({@code "16.11.3-ee"},
 * {@code "17.5.0-pre"}), reduced to what behaviour depends on: major and minor. Where GitLab changed a call the
 * project uses, the change is named here once, with the version it came in (checked in GitLab's source and
 * doc/api: the route's {@code detail 'This feature was introduced in GitLab …'} or the changelog).
 */
public record GitLabRelease(int major, int minor, String text) implements Comparable<GitLabRelease> {
    private static final Pattern VERSION = Pattern.compile("\\s*(\\d+)\\.(\\d+).*");

    /** {@code allowed_to_push[deploy_key_id]} on protected branches (CE ignores it before: PATCH 200, nothing changes). */
    public static final GitLabRelease DEPLOY_KEY_PUSH_RULES = of(17, 5);
    /** {@code POST /deploy_keys} (instance-wide, admin). */
    public static final GitLabRelease INSTANCE_DEPLOY_KEY_CREATION = of(17, 5);
    /** {@code POST /personal_access_tokens/self/rotate}. */
    public static final GitLabRelease SELF_ROTATION = of(16, 10);
    /** {@code POST /projects|groups/:id/access_tokens/:token_id/rotate}. */
    public static final GitLabRelease ACCESS_TOKEN_ROTATION = of(16, 0);
    /** {@code GET /users/:id/project_deploy_keys}. */
    public static final GitLabRelease USER_PROJECT_DEPLOY_KEYS = of(15, 1);

    public static GitLabRelease of(int major, int minor) {
        return new GitLabRelease(major, minor, major + "." + minor);
    }

    public static Optional<GitLabRelease> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new GitLabRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text.strip()));
    }

    public boolean atLeast(GitLabRelease other) {
        return compareTo(other) >= 0;
    }

    /** {@code "16.11"}: how the version is named to users. */
    public String shortName() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(GitLabRelease o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }
}
