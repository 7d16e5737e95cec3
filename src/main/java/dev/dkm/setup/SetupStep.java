package dev.dkm.setup;

/** The steps of a setup, in the order they run and tick off in the dialog. */
public enum SetupStep {
    GENERATE("Generate key"),
    REGISTER("Register on GitLab"),
    TRUST_HOST_KEY("Trust host key"),
    WIRE("Wire repository"),
    VERIFY("Verify with git");

    private final String label;

    SetupStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
