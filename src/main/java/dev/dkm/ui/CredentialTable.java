package dev.dkm.ui;

import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.ExpiryBand;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The dashboard's table: one sortable row per credential, the band as a coloured badge. */
final class CredentialTable extends TableView<CredentialItem> {
    private LocalDate today = LocalDate.now();

    CredentialTable(SortedList<CredentialItem> rows) {
        super(rows);
        rows.comparatorProperty().bind(comparatorProperty());
        setId("credential-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No credentials match."));
        TableColumn<CredentialItem, String> kind = text("Kind", i -> i.kind().label(), 150);
        TableColumn<CredentialItem, String> name = text("Name", CredentialItem::name, 170);
        TableColumn<CredentialItem, String> where = text("Where", TokenTexts::where, 190);
        TableColumn<CredentialItem, String> expires = text("Expires", TokenTexts::expires, 110);
        TableColumn<CredentialItem, Long> days = new TableColumn<>("Days left");
        days.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().daysLeft(today)));
        days.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        days.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                CredentialItem item = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(item == null ? null : TokenTexts.daysLeft(item, today));
            }
        });
        days.setPrefWidth(90);
        TableColumn<CredentialItem, ExpiryBand> band = new TableColumn<>("Status");
        band.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().band(today)));
        band.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ExpiryBand value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(value.label());
                badge.setStyle(BandStyle.badgeStyle(value));
                setGraphic(badge);
            }
        });
        band.setPrefWidth(120);
        TableColumn<CredentialItem, String> lastUsed = text("Last used",
                i -> i.lastUsedDay() == null ? "—" : i.lastUsedDay().toString(), 100);
        lastUsed.setId("last-used");
        TableColumn<CredentialItem, String> usedBy = text("Used by", TokenTexts::usedBy, 220);
        getColumns().setAll(java.util.List.of(band, kind, name, where, expires, days, lastUsed, usedBy));
        getSortOrder().add(days);
    }

    void today(LocalDate day) {
        this.today = day;
        refresh();
    }

    private static TableColumn<CredentialItem, String> text(String title, Function<CredentialItem, String> value, double width) {
        TableColumn<CredentialItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
