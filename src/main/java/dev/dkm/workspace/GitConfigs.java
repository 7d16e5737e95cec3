package dev.dkm.workspace;

import dev.dkm.files.BoundedReader;
import dev.dkm.remote.InsteadOfRule;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Reads git config files with JGit's parser, from text: no {@code Repository}, no file snapshot, no
 * {@code FS} probing per repository, which is what makes a scan of thousands of repositories fast.
 * {@code include.path} is not followed (plain {@link Config} does not resolve includes).
 */
final class GitConfigs {
    private GitConfigs() {}

    static Config read(Path file) throws IOException, ConfigInvalidException {
        Config config = new Config();
        // Only a regular file of sane size (a FIFO would hang, /dev/zero would fill the heap); bytes that are not
        // UTF-8 (a Latin-1 user.name) are replaced, not a failure: git itself does not care.
        config.fromText(BoundedReader.readText(file));
        return config;
    }

    /** An empty config when the file is missing (git treats a repository without config the same way). */
    static Config readIfExists(Path file) throws IOException, ConfigInvalidException {
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            return new Config();
        }
    }

    /** Every {@code url.<base>.insteadOf} and {@code pushInsteadOf}, in file order. */
    static List<InsteadOfRule> insteadOfRules(Config config) {
        List<InsteadOfRule> rules = new ArrayList<>();
        for (String base : config.getSubsections("url")) {
            for (String prefix : config.getStringList("url", base, "insteadOf")) {
                rules.add(new InsteadOfRule(base, prefix, false));
            }
            for (String prefix : config.getStringList("url", base, "pushInsteadOf")) {
                rules.add(new InsteadOfRule(base, prefix, true));
            }
        }
        return rules;
    }
}
