package dev.dkm.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A label, a read-only field and a Copy button: how a new token and its user name are shown, once. */
final class CopyableField {
    private CopyableField() {}

    static HBox row(String id, String label, String value) {
        Label l = new Label(label);
        l.setMinWidth(80);
        TextField field = new TextField(value);
        field.setEditable(false);
        field.setId(id);
        field.getStyleClass().add("token-value");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        HBox row = new HBox(8, l, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
