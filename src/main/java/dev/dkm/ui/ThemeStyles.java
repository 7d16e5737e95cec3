package dev.dkm.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.dkm.settings.Theme;
import javafx.application.Application;

/**
 * The AtlantaFX stylesheet of each {@link Theme}, in the binary form AtlantaFX ships next to the CSS (the same
 * rules, made from it): parsing the 170 KB of CSS text was a sixth of the window's work before its first frame.
 */
final class ThemeStyles {
    private ThemeStyles() {}

    /** Makes {@code theme}'s stylesheet the application's; nothing to do when it already is. */
    static void apply(Theme theme) {
        String stylesheet = theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }
}
