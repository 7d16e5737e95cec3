package dev.dkm.convert;

import java.util.List;

/** What a bulk run would do, item by item. Nothing has changed yet. */
public record ConversionPreview(List<ConversionItem> items) {
    public ConversionPreview {
        items = List.copyOf(items);
    }

    public List<ConversionItem> ready() {
        return items.stream().filter(i -> i.state() == ConversionItem.State.READY).toList();
    }

    public long count(ConversionItem.State state) {
        return items.stream().filter(i -> i.state() == state).count();
    }

    public String summary() {
        return count(ConversionItem.State.READY) + " to convert · " + count(ConversionItem.State.SKIP) + " skipped · "
                + count(ConversionItem.State.PROBLEM) + " with problems";
    }
}
