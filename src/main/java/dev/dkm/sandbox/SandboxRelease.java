package dev.dkm.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitLab version the sandbox pretends to be ({@code dkm sandbox --gitlab-version 16.11}). Routes that GitLab
 * added or changed in a later version answer as the older version did (see the README's sandbox section).
 */
record SandboxRelease(int major, int minor, String text) {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");
    static final SandboxRelease CURRENT = parse("18.2.0");

    static SandboxRelease parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a GitLab version (major.minor[.patch]): " + text);
        }
        String patch = m.group(3) == null ? "0" : m.group(3);
        return new SandboxRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(1) + "." + m.group(2) + "." + patch);
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** What {@code /version} says: the release and a suffix that shows it is the sandbox. */
    String versionString() {
        return text + "-sandbox";
    }
}
