package dev.dkm.cli;

import dev.dkm.gitlab.GitLabClient.Scope;
import picocli.CommandLine.Option;

/** {@code --project P | --group G}: where a deploy token lives (used as an exclusive argument group). */
final class TokenOwner {
    @Option(names = "--project", paramLabel = "PROJECT", required = true, description = "Project path (group/sub/repo) or id.")
    String project;

    @Option(names = "--group", paramLabel = "GROUP", required = true, description = "Group path or id.")
    String group;

    Scope scope() {
        return project != null ? Scope.PROJECT : Scope.GROUP;
    }

    String path() {
        return project != null ? project : group;
    }

    String describe() {
        return (project != null ? "project " : "group ") + path();
    }
}
