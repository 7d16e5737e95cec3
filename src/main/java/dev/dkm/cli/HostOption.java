package dev.dkm.cli;

import picocli.CommandLine.Option;

/** {@code --host URL}: the first step of the one instance rule every subcommand and the window follow. */
final class HostOption {
    static final String DESCRIPTION = "GitLab instance, e.g. https://gitlab.example.com. Default: $GITLAB_HOST, else the "
            + "instance the repository's remote belongs to, else the only configured instance.";

    /** Where the API token comes from, for every command's help. */
    static final String TOKEN_FOOTER = "%nWhich GitLab: --host › $GITLAB_HOST › the instance the repository's remote belongs to › "
            + "the only configured instance.%nToken: $GITLAB_TOKEN for the instance $GITLAB_HOST names (GitLab.com when "
            + "it is unset; nothing is written to disk), else the token dkm login stored (OS keyring, or a 0600 file).";

    @Option(names = "--host", paramLabel = "URL", description = DESCRIPTION)
    String host;
}
