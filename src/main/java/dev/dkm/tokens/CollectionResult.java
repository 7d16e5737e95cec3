package dev.dkm.tokens;

import java.util.List;

/**
 * What the collector found, and what it could not look at and why (one sentence each, never a token).
 *
 * @param notes   problems, one sentence each: a token in a URL not inspected, a wired key that is not a deploy key …;
 *                places GitLab refused for one reason (a role too low on 7 projects and 5 groups) share one sentence
 * @param details for such a grouped sentence, the places behind it (shown by {@code dkm tokens --verbose} and in the
 *                Tokens tab's tooltip)
 */
public record CollectionResult(List<CredentialItem> items, List<String> notes, List<GroupedNote> details) {
    public CollectionResult {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
        details = List.copyOf(details);
    }

    public CollectionResult(List<CredentialItem> items, List<String> notes) {
        this(items, notes, List.of());
    }

    /** One sentence of {@link #notes()} that stands for several places, and those places ("project shop/web", "group shop"). */
    public record GroupedNote(String note, List<String> places) {
        public GroupedNote {
            places = List.copyOf(places);
        }
    }

    /** The notes with, under each grouped one, its places: for a verbose listing or a tooltip. */
    public List<String> notesWithPlaces() {
        List<String> out = new java.util.ArrayList<>();
        for (String note : notes) {
            out.add(note);
            details.stream().filter(d -> d.note().equals(note)).findFirst()
                    .ifPresent(d -> d.places().forEach(p -> out.add("  - " + p)));
        }
        return out;
    }
}
