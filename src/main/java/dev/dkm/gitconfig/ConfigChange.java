package dev.dkm.gitconfig;

import java.util.List;

/** What one {@link ConfigOp} does to the current file, with values already redacted for display. */
public record ConfigChange(String key, List<String> before, List<String> after) {
    public ConfigChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public boolean changesSomething() {
        return !before.equals(after);
    }

    /** {@code key: before → after}, one line for a plan. */
    public String describe() {
        return key + ": " + show(before) + " → " + show(after);
    }

    private static String show(List<String> values) {
        if (values.isEmpty()) {
            return "(unset)";
        }
        return values.size() == 1 ? values.get(0) : values.toString();
    }
}
