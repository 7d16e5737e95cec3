package dev.dkm.instances;

import java.nio.file.Path;

/**
 * One line of {@code dkm instances}: the instance, its token (redacted) and where it came from, and who it
 * belongs to when that was checked.
 *
 * @param token     redacted token, or null when none is known
 * @param user      the token's user name, or null (no token, not checked, or the check failed)
 * @param problem   why the check failed, as a sentence, or null
 */
public record InstanceStatus(
        String url,
        String token,
        String tokenSource,
        String user,
        String problem,
        Path caFile,
        String proxy) {}
