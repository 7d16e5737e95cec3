package dev.dkm.ui;

/** Where the main window's scan is; drives the placeholder, the progress area and the snapshot mode. */
public enum ScanState {
    NOT_SCANNED,
    SCANNING,
    DONE,
    CANCELLED,
    FAILED;

    /** A scan ran and ended, one way or another. */
    public boolean isFinished() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
