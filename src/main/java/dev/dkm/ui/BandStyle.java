package dev.dkm.ui;

import dev.dkm.tokens.ExpiryBand;
import javafx.scene.paint.Color;

/** One colour per expiry band, the same on the timeline, the badges and the counts. */
final class BandStyle {
    private BandStyle() {}

    static Color color(ExpiryBand band) {
        return switch (band) {
            case EXPIRED -> Color.web("#cf222e");
            case WITHIN_7_DAYS -> Color.web("#e16f24");
            case WITHIN_30_DAYS -> Color.web("#bf8700");
            case LATER -> Color.web("#1a7f37");
            case NEVER -> Color.web("#8250df");
            case REVOKED -> Color.web("#8c959f");
        };
    }

    static String hex(ExpiryBand band) {
        Color c = color(band);
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    /** A small rounded badge in the band's colour (inline style: the colours are data, not theme). */
    static String badgeStyle(ExpiryBand band) {
        return "-fx-background-color: " + hex(band) + "; -fx-text-fill: white; -fx-background-radius: 8;"
                + " -fx-padding: 1 8 1 8; -fx-font-size: 0.85em; -fx-font-weight: bold;";
    }
}
