package dev.dkm.setup;

import dev.dkm.gitconfig.ConfigOp;
import dev.dkm.remote.RemoteUrl;
import dev.dkm.remote.RemoteUrlParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.Config;

/**
 * The config changes that wire a repository to its key: {@code core.sshCommand}, the remote's URL (and push URL)
 * set to the project's SSH URL, and every token removed from the repository's config — other remotes keep their
 * HTTPS URL without the credential, and {@code url.<base>.insteadOf} rules whose base carries one are dropped.
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
        return ops;
    }

    /** {@code https://oauth2:glpat-…@host/g/p.git} → {@code https://host/g/p.git}; anything else unchanged. */
    static String withoutCredentials(String url) {
        RemoteUrl parsed = RemoteUrlParser.parse(url);
        if (!parsed.hasSecret()) {
            return url;
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int authorityEnd = url.indexOf('/', schemeEnd + 3);
        String authority = authorityEnd < 0 ? url.substring(schemeEnd + 3) : url.substring(schemeEnd + 3, authorityEnd);
        int at = authority.lastIndexOf('@'); // a raw '@' inside a password: the last one ends the user info
        if (at < 0) {
            return url;
        }
        return url.substring(0, schemeEnd + 3) + url.substring(schemeEnd + 3 + at + 1);
    }
}
