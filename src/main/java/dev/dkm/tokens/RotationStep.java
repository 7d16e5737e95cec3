package dev.dkm.tokens;

/** The steps of a deploy-token rotation, in order. */
public enum RotationStep {
    CREATE("Create the new token"),
    LOG_IN("Update the registry login"),
    VERIFY("Check the registry accepts the new token"),
    REVOKE_OLD("Revoke the old token");

    private final String label;

    RotationStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
