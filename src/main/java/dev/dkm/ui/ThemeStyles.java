package dev.dkm.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.dkm.settings.Theme;
import javafx.application.Application;

/** The AtlantaFX stylesheet of each {@link Theme}. */
final class ThemeStyles {
    private ThemeStyles() {}

    /** Makes {@code theme}'s stylesheet the application's; nothing to do when it already is. */
    static void apply(Theme theme) {
        String stylesheet = theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }
}
