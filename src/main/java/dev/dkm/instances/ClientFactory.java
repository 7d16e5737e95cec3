package dev.dkm.instances;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClientConfig;
import dev.dkm.remote.Secret;
import dev.dkm.settings.InstanceSettings;

/** Builds the GitLab client for an instance (its CA file and proxy applied). Tests pass their own. */
@FunctionalInterface
public interface ClientFactory {
    GitLabClient open(InstanceSettings instance, Secret token);

    ClientFactory DEFAULT = (instance, token) -> GitLabClient.create(
            GitLabClientConfig.builder(instance.baseUrl(), token)
                    .caFile(instance.caFile())
                    .proxy(instance.proxy())
                    .build());
}
