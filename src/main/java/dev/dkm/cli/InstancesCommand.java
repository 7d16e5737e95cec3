package dev.dkm.cli;

import com.google.gson.GsonBuilder;
import dev.dkm.instances.InstanceOverview;
import dev.dkm.instances.InstanceStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "instances", mixinStandardHelpOptions = true, description = "List GitLab instances: URL, user, token (redacted) and where it is stored, CA file, proxy.")
final class InstancesCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--offline", description = "Do not ask GitLab who each token belongs to.")
    boolean offline;

    private final CliContext context;

    InstancesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<InstanceStatus> all = new InstanceOverview(context.settings(), context.credentials(), context.clients()).list(!offline);
        PrintWriter out = context.out();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(all.stream().map(InstancesCommand::asMap).toList()));
            return 0;
        }
        if (all.isEmpty()) {
            out.println("No GitLab instance configured. Run: dkm login --host https://gitlab.example.com --token-stdin");
            return 0;
        }
        for (InstanceStatus s : all) {
            out.println(s.url());
            out.println("  user:  " + (s.user() != null ? "@" + s.user() : s.problem() != null ? s.problem() : "-"));
            out.println("  token: " + (s.token() == null ? "none" : s.token() + " from " + s.tokenSource())
                    + (s.tokenExpiresAt() == null ? "" : "; expires " + s.tokenExpiresAt()));
            if (s.caFile() != null) {
                out.println("  CA:    " + s.caFile());
            }
            if (s.proxy() != null) {
                out.println("  proxy: " + s.proxy());
            }
        }
        return 0;
    }

    private static Map<String, Object> asMap(InstanceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("user", s.user());
        m.put("problem", s.problem());
        m.put("token", s.token());
        m.put("tokenSource", s.tokenSource());
        m.put("tokenExpiresAt", s.tokenExpiresAt() == null ? null : s.tokenExpiresAt().toString());
        m.put("caFile", s.caFile() == null ? null : s.caFile().toString());
        m.put("proxy", s.proxy());
        return m;
    }
}
