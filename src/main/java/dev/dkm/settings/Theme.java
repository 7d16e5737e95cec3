package dev.dkm.settings;

import java.util.Locale;

/** The window's colour scheme: the one Theme, kept in the settings and applied by the window (ui.ThemeStyles). */
public enum Theme {
    LIGHT,
    DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** {@code light} or {@code dark}, any case. */
    public static Theme parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> throw new IllegalArgumentException("Unknown theme '" + name + "': use light or dark");
        };
    }
}
