package dev.dkm.setup;

import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.remote.AuthHeader;
import dev.dkm.remote.RemoteUrl;
import dev.dkm.remote.RemoteUrlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.Config;

/**
 * The config changes that wire a repository to its key: {@code core.sshCommand}, the remote's URL (and push URL)
 * set to the project's SSH URL, and every token removed from the repository's config — other remotes keep their
 * HTTPS URL without the credential, {@code url.<base>.insteadOf} rules whose base carries one are dropped, and
 * {@code http.extraHeader} lines carrying one are removed. Tokens in files shared with other repositories (includes,
 * the global config, credential stores) are not touched here: see {@code convert.SharedTokenCleanup}.
 */
final class WiringOps {
    private WiringOps() {}

    static List<ConfigOp> compute(Config config, String remote, String sshUrl, String sshCommand) {
        List<ConfigOp> ops = new ArrayList<>();
        ops.add(ConfigOp.Set.one("core", null, "sshCommand", sshCommand));
        ops.add(ConfigOp.Set.one("remote", remote, "url", sshUrl));
        if (config.getStringList("remote", remote, "pushurl").length > 0) {
            ops.add(ConfigOp.Set.one("remote", remote, "pushurl", sshUrl));
        }
        for (String other : config.getSubsections("remote")) {
            if (other.equals(remote)) {
                continue;
            }
            for (String key : List.of("url", "pushurl")) {
                List<String> values = Arrays.asList(config.getStringList("remote", other, key));
                List<String> cleaned = values.stream().map(WiringOps::withoutCredentials).toList();
                if (!cleaned.equals(values)) {
                    ops.add(new ConfigOp.Set("remote", other, key, cleaned));
                }
            }
        }
        for (String base : config.getSubsections("url")) {
            if (RemoteUrlParser.parse(base).hasSecret()) {
                ops.add(new ConfigOp.RemoveSection("url", base));
            }
        }
        // http.extraHeader / http.<url>.extraHeader lines carrying a token: git sends none of them over SSH, and
        // this config is the repository's own. Other header lines stay.
        List<String> httpSections = new ArrayList<>();
        httpSections.add(null);
        httpSections.addAll(config.getSubsections("http"));
        for (String sub : httpSections) {
            List<String> values = Arrays.asList(config.getStringList("http", sub, "extraHeader"));
            List<String> kept = values.stream().filter(v -> v == null || AuthHeader.parse(v).isEmpty()).toList();
            if (kept.size() != values.size()) {
                ops.add(kept.isEmpty() ? new ConfigOp.Unset("http", sub, "extraHeader")
                        : new ConfigOp.Set("http", sub, "extraHeader", kept));
            }
        }
        return ops;
    }

    /** {@code https://oauth2:glpat-…@host/g/p.git} → {@code https://host/g/p.git}; anything else unchanged. */
    static String withoutCredentials(String url) {
        return RemoteUrlParser.withoutCredentials(url);
    }
}
