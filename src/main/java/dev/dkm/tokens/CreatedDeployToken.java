package dev.dkm.tokens;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.remote.Secret;
import java.time.LocalDate;
import java.util.List;

/**
 * A deploy token just created. {@code token} is the only time GitLab gives the value: show it once, on request,
 * and never log it ({@link Secret#toString()} is redacted).
 */
public record CreatedDeployToken(Scope scope, String path, long id, String name, String username, List<String> scopes,
        LocalDate expiresOn, Secret token) {
    public static final String SHOWN_ONCE_WARNING =
            "Copy the token now: GitLab will not show it again. Anyone with it can use these scopes until it expires.";
    public static final String NEVER_EXPIRES_WARNING =
            "This token never expires: if it leaks it works until someone revokes it. Prefer an expiry date.";
}
