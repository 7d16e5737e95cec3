package dev.dkm.environments;

/**
 * One environment the console reaches: a local account by name, or a command template that reaches one
 * ({@code podman exec -i -u app web}). {@link #id()} is what result rows, settings and the journal carry; it parses back.
 */
public record EnvironmentSpec(Kind kind, String value) {
    public enum Kind { ACCOUNT, COMMAND }

    private static final String COMMAND_PREFIX = "command:";

    public EnvironmentSpec {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an environment needs an account name or a command");
        }
        value = value.strip();
        if (kind == Kind.ACCOUNT && !value.matches("[a-z_][a-z0-9_.-]*\\$?")) {
            throw new IllegalArgumentException("not an account name: " + value);
        }
    }

    public static EnvironmentSpec account(String name) {
        return new EnvironmentSpec(Kind.ACCOUNT, name);
    }

    public static EnvironmentSpec command(String template) {
        return new EnvironmentSpec(Kind.COMMAND, template);
    }

    /** {@code codimd} for an account, {@code command:podman exec -i -u app web} for a template. */
    public String id() {
        return kind == Kind.ACCOUNT ? value : COMMAND_PREFIX + value;
    }

    public static EnvironmentSpec parse(String id) {
        return id.startsWith(COMMAND_PREFIX) ? command(id.substring(COMMAND_PREFIX.length())) : account(id);
    }

    @Override
    public String toString() {
        return id();
    }
}
