package dev.dkm.settings;

/** The window's colour scheme. */
public enum Theme {
    LIGHT,
    DARK
}
