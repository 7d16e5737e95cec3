package dev.dkm.tokens;

import java.util.List;

/**
 * What the collector found, and what it could not look at and why (one sentence each, never a token).
 *
 * @param notes per-item problems: a project whose tokens could not be listed, a token in a URL not inspected …
 */
public record CollectionResult(List<CredentialItem> items, List<String> notes) {
    public CollectionResult {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }
}
