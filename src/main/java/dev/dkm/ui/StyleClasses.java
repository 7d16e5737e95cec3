package dev.dkm.ui;

import dev.dkm.remote.RemoteKind;
import dev.dkm.workspace.RepoStatus;

/** The style classes of {@code dkm.css}, named once (AtlantaFX's {@code Styles} holds the theme's own). */
public final class StyleClasses {
    public static final String STYLESHEET = "dkm.css";

    public static final String MAIN_WINDOW = "dkm-main-window";
    public static final String TOOLBAR = "dkm-toolbar";
    public static final String FILTER_BAR = "dkm-filter-bar";
    public static final String STATUS_BAR = "dkm-status-bar";
    public static final String SECTION_LABEL = "dkm-section-label";
    public static final String ROOT_CHIP = "dkm-root-chip";
    public static final String ROOT_CHIPS = "dkm-root-chips";
    public static final String EMPTY_STATE = "dkm-empty-state";
    public static final String REPO_TABLE = "dkm-repo-table";
    public static final String DETAILS = "dkm-details";
    public static final String DETAILS_SECTION = "dkm-details-section";
    public static final String DETAILS_KEY = "dkm-details-key";
    public static final String REMOTE_CARD = "dkm-remote-card";
    public static final String MONOSPACE = "dkm-monospace";
    public static final String MUTED = "dkm-muted";
    public static final String PROBLEM = "dkm-problem";

    public static final String SETUP_DIALOG = "dkm-setup-dialog";
    public static final String INSTANCES_DIALOG = "dkm-instances-dialog";
    public static final String PREFERENCES_DIALOG = "dkm-preferences-dialog";
    public static final String PLAN_BOX = "dkm-plan-box";
    public static final String PLAN_CHANGE = "dkm-plan-change";
    public static final String HOST_KEY_BOX = "dkm-host-key-box";
    public static final String SETUP_MESSAGE = "dkm-setup-message";
    public static final String CONVERT_DIALOG = "dkm-convert-dialog";
    public static final String CONVERT_STEPPER = "dkm-convert-stepper";
    public static final String CONVERT_TABLE = "dkm-convert-table";
    public static final String BADGE = "dkm-badge";
    public static final String BADGE_SUCCESS = "dkm-badge-success";
    public static final String BADGE_ACCENT = "dkm-badge-accent";
    public static final String BADGE_WARNING = "dkm-badge-warning";
    public static final String BADGE_DANGER = "dkm-badge-danger";
    public static final String BADGE_NEUTRAL = "dkm-badge-neutral";

    private StyleClasses() {}

    /** ssh green, https blue, https with a token red, file and other grey. */
    public static String badge(RemoteKind kind) {
        return switch (kind) {
            case SSH -> BADGE_SUCCESS;
            case HTTPS -> BADGE_ACCENT;
            case HTTPS_TOKEN -> BADGE_DANGER;
            case FILE, OTHER -> BADGE_NEUTRAL;
        };
    }

    public static String badge(RepoStatus status) {
        return switch (status) {
            case WIRED -> BADGE_SUCCESS;
            case TOKEN_IN_URL, TOKEN_IN_CREDENTIALS, ERROR -> BADGE_DANGER;
            case KEY_MISSING, SSH_DEFAULT_KEY -> BADGE_WARNING;
            case HTTPS_NO_TOKEN -> BADGE_ACCENT;
            case LOCAL_REMOTE, NO_REMOTE -> BADGE_NEUTRAL;
        };
    }
}
