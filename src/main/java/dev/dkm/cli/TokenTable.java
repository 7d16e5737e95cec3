package dev.dkm.cli;

import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.ExpiryBand;
import java.time.LocalDate;
import java.util.List;

/** The default {@code dkm tokens} output: one row per credential, soonest expiry first. */
final class TokenTable {
    private TokenTable() {}

    static String write(List<CredentialItem> items, LocalDate today) {
        TextTable table = new TextTable("KIND", "NAME", "WHERE", "EXPIRES", "DAYS", "BAND", "LAST USED", "USED BY");
        for (CredentialItem i : items) {
            Long days = i.daysLeft(today);
            ExpiryBand band = i.band(today);
            table.row(i.kind().id(), i.name(), i.place() == CredentialItem.Place.GROUP ? i.where() + " (group)" : i.where(),
                    i.expiresOn() != null ? i.expiresOn().toString() : i.rejected() ? "(refused)" : "never",
                    days == null ? "-" : days.toString(),
                    band.id(),
                    i.lastUsedDay() == null ? "-" : i.lastUsedDay().toString(),
                    i.dependents().isEmpty() ? "-" : i.usedBy());
        }
        return table.toString();
    }
}
