package dev.dkm.tokens;

/** The kinds of credential the dashboard tracks. */
public enum CredentialKind {
    DEPLOY_TOKEN("deploy-token", "Deploy token"),
    DEPLOY_KEY("deploy-key", "Deploy key"),
    PERSONAL_ACCESS_TOKEN("personal-access-token", "Personal access token"),
    PROJECT_ACCESS_TOKEN("project-access-token", "Project access token"),
    GROUP_ACCESS_TOKEN("group-access-token", "Group access token");

    private final String id;
    private final String label;

    CredentialKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }
}
