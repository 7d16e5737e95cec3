package dev.dkm.gitlab;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The safe way to repeat a create (POST): when the outcome is unknown (connection lost, timeout, 5xx),
 * look for what the first attempt may have created before trying again, so a retry never makes a duplicate.
 */
public final class CreateIfAbsent {
    private CreateIfAbsent() {}

    public static <T> T create(Supplier<T> create, Supplier<Optional<T>> findExisting) {
        try {
            return create.get();
        } catch (GitLabException e) {
            if (!outcomeUnknown(e)) {
                throw e;
            }
            Optional<T> existing = findExisting.get();
            return existing.isPresent() ? existing.get() : create.get();
        }
    }

    /** True when GitLab may or may not have done the change before the call failed. */
    public static boolean outcomeUnknown(GitLabException e) {
        return switch (e.kind()) {
            case NETWORK, TIMEOUT, SERVER_ERROR -> true;
            default -> false;
        };
    }
}
