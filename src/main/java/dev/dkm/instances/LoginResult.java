package dev.dkm.instances;

import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabUser;
import java.util.List;

/**
 * What {@link InstanceLogin} found out and did.
 *
 * @param tokenInfo the token's own description, or null when GitLab gave none (not a PAT, or before 15.5)
 * @param warnings  sentences to show, e.g. a missing {@code api} scope or an expiry within 30 days
 * @param storedIn  where the token now lives ({@link dev.dkm.credentials.TokenStore#storageDescription()}); null after
 *                  {@link InstanceLogin#check} (nothing stored)
 */
public record LoginResult(
        String instanceUrl,
        GitLabUser user,
        String gitlabVersion,
        AccessToken tokenInfo,
        String tokenRedacted,
        List<String> warnings,
        String storedIn) {}
