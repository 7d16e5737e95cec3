package dev.dkm.convert;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.Project;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves each GitLab project once per run. With many projects on one instance it first lists the projects the
 * caller maintains, 100 per call, instead of asking for each one; whatever that list lacks is asked for by path
 * (to tell "not found" from "not Maintainer").
 */
final class ProjectResolver {
    /** Above this many distinct projects on one instance, one listing beats one call each. */
    static final int LIST_THRESHOLD = 50;
    private static final int MAINTAINER = 40;

    private final Map<String, Map<String, Project>> maintainedByInstance = new ConcurrentHashMap<>();
    private final Map<String, Object> answers = new ConcurrentHashMap<>();

    /** Lists the caller's Maintainer projects on an instance once, when the run needs many of them. */
    void prefetch(String instanceUrl, GitLabClient client, int distinctProjects) {
        if (distinctProjects > LIST_THRESHOLD) {
            maintainedByInstance.computeIfAbsent(instanceUrl, url -> {
                Map<String, Project> byPath = new ConcurrentHashMap<>();
                // Not simple=true: the full entry (Entities::ProjectWithAccess, lib/api/projects.rb) carries
                // "permissions", the role the protected-branch check needs; without it a branch Maintainers may push
                // to was planned as blocking the key.
                client.projects(true, MAINTAINER, false, null).forEach(p -> byPath.put(p.pathWithNamespace().toLowerCase(java.util.Locale.ROOT), p));
                return byPath;
            });
        }
    }

    /** The project as the Maintainer listing gave it, without asking GitLab; empty when it was not listed. */
    Optional<Project> listed(String instanceUrl, String projectPath) {
        return Optional.ofNullable(maintainedByInstance.get(instanceUrl))
                .map(m -> m.get(projectPath.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The project, or the GitLab error that explains why not; asked at most once per instance and path. */
    Project resolve(String instanceUrl, GitLabClient client, String projectPath) {
        String key = instanceUrl + " " + projectPath.toLowerCase(java.util.Locale.ROOT);
        Object answer = answers.computeIfAbsent(key, k -> {
            Project listed = Optional.ofNullable(maintainedByInstance.get(instanceUrl))
                    .map(m -> m.get(projectPath.toLowerCase(java.util.Locale.ROOT))).orElse(null);
            if (listed != null) {
                return listed;
            }
            try {
                return client.project(projectPath);
            } catch (GitLabException e) {
                return e;
            }
        });
        if (answer instanceof GitLabException e) {
            throw e;
        }
        return (Project) answer;
    }
}
