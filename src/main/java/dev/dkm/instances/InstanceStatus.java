package dev.dkm.instances;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One line of {@code dkm instances}: the instance, its token (redacted) and where it came from, and who it
 * belongs to when that was checked.
 *
 * @param token     redacted token, or null when none is known
 * @param user      the token's user name, or null (no token, not checked, or the check failed)
 * @param problem   why the check failed, as a sentence, or null
 * @param tokenExpiresAt the token's expiry when it was checked and GitLab described it, else null
 * @param inKeyring true when the token is in the OS keyring (false: the 0600 file, GITLAB_TOKEN, or no token)
 */
public record InstanceStatus(
        String url,
        String token,
        String tokenSource,
        String user,
        String problem,
        Path caFile,
        String proxy,
        LocalDate tokenExpiresAt,
        boolean inKeyring) {}
