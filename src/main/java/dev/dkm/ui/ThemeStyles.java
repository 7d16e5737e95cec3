package dev.dkm.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.dkm.settings.Theme;
import javafx.application.Application;

/** The AtlantaFX stylesheet of each {@link Theme}. */
final class ThemeStyles {
    private ThemeStyles() {}

    static void apply(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
