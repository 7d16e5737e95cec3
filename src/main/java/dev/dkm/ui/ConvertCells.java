package dev.dkm.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;

/** The cells and labels the "Convert to SSH" tables draw with: one line per value, shortened, whole in a tooltip. */
final class ConvertCells {
    private ConvertCells() {}

    /** A column whose cells draw a node from the whole row item. */
    static <S> TableColumn<S, S> column(String title, double width, Function<S, Node> draw) {
        TableColumn<S, S> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : draw.apply(item));
            }
        });
        return column;
    }

    static void fixed(TableColumn<?, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    static Label text(String text, String tooltip) {
        Label l = new Label(text);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        if (tooltip != null) {
            l.setTooltip(Badges.tooltip(tooltip));
        }
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.MUTED);
        return l;
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.SECTION_LABEL);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** One line of a cell: never wrapped (rows keep their height), shortened in the middle, whole in the tooltip. */
    static Label line(String text, String style) {
        Label l = sentence(text, style);
        l.getStyleClass().add(StyleClasses.MONOSPACE);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return l;
    }

    /** A reason or note in the text font, shortened at its end, whole in the tooltip. */
    static Label sentence(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.setMinWidth(0);
        l.setTooltip(Badges.tooltip(text));
        return l;
    }
}
