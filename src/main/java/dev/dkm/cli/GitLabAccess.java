package dev.dkm.cli;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClientConfig;
import dev.dkm.remote.Secret;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.InstanceSettings;
import dev.dkm.settings.Settings;
import dev.dkm.settings.SettingsStore;
import dev.dkm.tokens.InstanceConnection;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which GitLab instance a command talks to and with which token, in one place: {@code --host URL}, else
 * {@code GITLAB_HOST}, else the only instance in the settings; the token from {@code GITLAB_TOKEN} (glab's
 * convention; never an option, so it stays out of shell history and {@code ps}).
 * {@code GITLAB_TOKEN} overrides the stored token (glab's convention), else the credential store ({@code dkm login}).
 */
final class GitLabAccess {
    @Option(names = "--host", paramLabel = "URL", description = "GitLab instance, e.g. https://gitlab.example.com (default: $GITLAB_HOST).")
    String host;

    /** The instance's settings (registry host, CA file, proxy) as configured, or defaults for an unknown URL. */
    InstanceSettings instance(CliEnvironment env) {
        Settings settings = settings(env);
        String url = host != null ? host : env.get("GITLAB_HOST");
        if (url == null) {
            List<InstanceSettings> configured = settings.instances();
            if (configured.size() == 1) {
                return configured.get(0);
            }
            throw new CliProblem("which GitLab? pass --host URL or set GITLAB_HOST");
        }
        return settings.instance(url).orElseGet(() -> InstanceSettings.of(url));
    }

    InstanceConnection connect(CliEnvironment env) {
        InstanceSettings instance = instance(env);
        String fromEnv = env.get("GITLAB_TOKEN");
        Secret token = fromEnv != null ? Secret.of(fromEnv)
                : dev.dkm.credentials.TokenStores.open(AppDirs.of(env.env(), env.home().toString())).read(instance.baseUrl()).orElse(null);
        if (token == null) {
            throw new CliProblem("no API token for " + instance.baseUrl() + ": run dkm login --host " + instance.baseUrl()
                    + " or set GITLAB_TOKEN (a personal access token with the api scope)");
        }
        return new InstanceConnection(instance, client(instance, token), t -> client(instance, t));
    }

    private static GitLabClient client(InstanceSettings instance, Secret token) {
        GitLabClientConfig.Builder config = GitLabClientConfig.builder(instance.baseUrl(), token);
        if (instance.caFile() != null) {
            config.caFile(instance.caFile());
        }
        if (instance.proxy() != null) {
            config.proxy(instance.proxy());
        }
        return GitLabClient.create(config.build());
    }

    private static Settings settings(CliEnvironment env) {
        return SettingsStore.at(AppDirs.of(env.env(), env.home().toString())).load();
    }
}
