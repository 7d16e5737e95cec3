package dev.dkm.ui;

import dev.dkm.tokens.CredentialItem;
import java.time.LocalDate;

/** The words the dashboard shows for a credential. */
final class TokenTexts {
    private TokenTexts() {}

    /** The place, with "(group)" where a bare path would be ambiguous. */
    static String where(CredentialItem i) {
        return i.place() == CredentialItem.Place.GROUP ? i.where() + " (group)" : i.where();
    }

    static String expires(CredentialItem i) {
        if (i.expiresOn() != null) {
            return i.expiresOn().toString();
        }
        return i.rejected() ? "refused by GitLab" : "never";
    }

    static String daysLeft(CredentialItem i, LocalDate today) {
        Long days = i.daysLeft(today);
        if (days == null) {
            return i.rejected() ? "expired" : "—";
        }
        if (days <= 0) {
            return days == 0 ? "expired today" : -days + " d ago";
        }
        return days + " d";
    }

    static String usedBy(CredentialItem i) {
        return i.dependents().isEmpty() ? "—" : i.usedBy();
    }

    static String tooltip(CredentialItem i, LocalDate today) {
        StringBuilder b = new StringBuilder()
                .append(i.kind().label()).append(": ").append(i.name()).append('\n')
                .append(where(i)).append(" on ").append(i.instance()).append('\n')
                .append("Expires: ").append(expires(i)).append(" (").append(i.band(today).label()).append(")");
        if (!i.scopes().isEmpty()) {
            b.append("\nScopes: ").append(String.join(", ", i.scopes()));
        }
        if (i.lastUsedAt() != null) {
            b.append("\nLast used: ").append(i.lastUsedAt());
        }
        if (i.redacted() != null) {
            b.append("\nToken: ").append(i.redacted());
        }
        if (!i.dependents().isEmpty()) {
            b.append("\nUsed by: ").append(usedBy(i));
        }
        return b.toString();
    }
}
