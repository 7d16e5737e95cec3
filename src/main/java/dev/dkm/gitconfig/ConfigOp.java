package dev.dkm.gitconfig;

import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.Config;

/** One change to a git config file. {@code subsection} is null for keys like {@code core.sshCommand}. */
public sealed interface ConfigOp {
    String section();

    String subsection();

    /** The dotted key as git prints it: {@code remote.origin.url}, {@code url.https://x/.insteadof}. */
    String displayKey();

    void applyTo(Config config);

    /** The values this op touches, as they stand in {@code config} (for before → after). */
    List<String> valuesIn(Config config);

    /** Replaces every value of the key with {@code values}. */
    record Set(String section, String subsection, String name, List<String> values) implements ConfigOp {
        public Set {
            values = List.copyOf(values);
        }

        public static Set one(String section, String subsection, String name, String value) {
            return new Set(section, subsection, name, List.of(value));
        }

        @Override
        public String displayKey() {
            return ConfigOp.key(section, subsection, name);
        }

        @Override
        public void applyTo(Config config) {
            config.setStringList(section, subsection, name, values);
        }

        @Override
        public List<String> valuesIn(Config config) {
            return Arrays.asList(config.getStringList(section, subsection, name));
        }
    }

    /** Removes every value of the key. */
    record Unset(String section, String subsection, String name) implements ConfigOp {
        @Override
        public String displayKey() {
            return ConfigOp.key(section, subsection, name);
        }

        @Override
        public void applyTo(Config config) {
            config.unset(section, subsection, name);
        }

        @Override
        public List<String> valuesIn(Config config) {
            return Arrays.asList(config.getStringList(section, subsection, name));
        }
    }

    /** Removes a whole section, e.g. an {@code [url "https://oauth2:…@host/"]} rule carrying a token. */
    record RemoveSection(String section, String subsection) implements ConfigOp {
        @Override
        public String displayKey() {
            return ConfigOp.key(section, subsection, null);
        }

        @Override
        public void applyTo(Config config) {
            config.unsetSection(section, subsection);
        }

        /** Every {@code name = value} line of the section. */
        @Override
        public List<String> valuesIn(Config config) {
            return config.getNames(section, subsection).stream()
                    .flatMap(n -> Arrays.stream(config.getStringList(section, subsection, n)).map(v -> n + " = " + v))
                    .toList();
        }
    }

    private static String key(String section, String subsection, String name) {
        StringBuilder b = new StringBuilder(section);
        if (subsection != null) {
            b.append('.').append(subsection);
        }
        if (name != null) {
            b.append('.').append(name);
        }
        return b.toString();
    }
}
