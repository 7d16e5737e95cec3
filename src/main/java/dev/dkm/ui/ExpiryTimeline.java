package dev.dkm.ui;

import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.ExpiryBand;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Expiries on a time axis from {@link #DAYS_BEFORE} days ago to a year ahead, with a "today" line: one dot per
 * credential in its band's colour, stacked in lanes where they would overlap; never-expiring ones in a strip on
 * the right, expired-long-ago ones pinned to the left edge. Hover shows the details, a click selects.
 */
final class ExpiryTimeline extends Pane {
    static final int DAYS_BEFORE = 30;
    static final int DAYS_AFTER = 365;
    static final String MARK_STYLE_CLASS = "timeline-mark";
    static final String SELECTED_STYLE_CLASS = "timeline-mark-selected";
    private static final double LEFT = 16;
    private static final double RIGHT_STRIP = 70;
    private static final double TOP = 26;
    private static final double AXIS_HEIGHT = 26;
    private static final double RADIUS = 7;
    private static final double LANE = 2 * RADIUS + 4;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

    private final ObjectProperty<CredentialItem> selected = new SimpleObjectProperty<>();
    private List<CredentialItem> items = List.of();
    private LocalDate today = LocalDate.now();
    private Consumer<CredentialItem> onPick = i -> {};
    private final Map<CredentialItem, Circle> marks = new HashMap<>();
    private boolean dirty = true;
    private double drawnWidth;
    private double drawnHeight;

    ExpiryTimeline() {
        getStyleClass().add("expiry-timeline");
        setMinHeight(140);
        setPrefHeight(180);
        selected.addListener((obs, old, now) -> {
            restyle(old);
            restyle(now);
        });
    }

    void show(List<CredentialItem> newItems, LocalDate day) {
        this.items = List.copyOf(newItems);
        this.today = day;
        dirty = true;
        requestLayout();
    }

    ObjectProperty<CredentialItem> selectedProperty() {
        return selected;
    }

    /** Called when the user clicks a mark. */
    void setOnPick(Consumer<CredentialItem> handler) {
        this.onPick = handler;
    }

    /** Rebuilds the drawing only when the items or the size changed, so marks stay put under the mouse. */
    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (!dirty && width == drawnWidth && height == drawnHeight) {
            return;
        }
        dirty = false;
        drawnWidth = width;
        drawnHeight = height;
        marks.clear();
        List<Node> nodes = new ArrayList<>();
        if (width < 200 || height < 100) {
            getChildren().setAll(nodes);
            return;
        }
        double axisY = height - AXIS_HEIGHT;
        double plotRight = width - RIGHT_STRIP;
        nodes.add(background(width, axisY));
        axis(nodes, plotRight, axisY);
        nodes.add(neverStrip(plotRight, width, axisY));
        marks(nodes, plotRight, width, axisY);
        getChildren().setAll(nodes);
    }

    private Rectangle background(double width, double axisY) {
        Rectangle r = new Rectangle(0, 0, width, axisY);
        r.getStyleClass().add("timeline-plot");
        r.setFill(Color.TRANSPARENT);
        return r;
    }

    private double x(LocalDate day, double plotRight) {
        long offset = ChronoUnit.DAYS.between(today.minusDays(DAYS_BEFORE), day);
        double clamped = Math.max(0, Math.min(DAYS_BEFORE + DAYS_AFTER, offset));
        return LEFT + clamped / (DAYS_BEFORE + DAYS_AFTER) * (plotRight - LEFT - RADIUS);
    }

    private void axis(List<Node> nodes, double plotRight, double axisY) {
        Line base = new Line(LEFT, axisY, plotRight, axisY);
        base.getStyleClass().add("timeline-axis");
        nodes.add(base);
        LocalDate month = today.minusDays(DAYS_BEFORE).withDayOfMonth(1).plusMonths(1);
        while (!month.isAfter(today.plusDays(DAYS_AFTER))) {
            double mx = x(month, plotRight);
            Line tick = new Line(mx, axisY, mx, axisY + 5);
            tick.getStyleClass().add("timeline-axis");
            Text label = new Text(mx + 3, axisY + 17, month.getMonthValue() == 1 ? MONTH.format(month) + " " + month.getYear() : MONTH.format(month));
            label.getStyleClass().add("timeline-label");
            Line grid = new Line(mx, TOP - 6, mx, axisY);
            grid.getStyleClass().add("timeline-grid");
            nodes.add(grid);
            nodes.add(tick);
            nodes.add(label);
            month = month.plusMonths(1);
        }
        double tx = x(today, plotRight);
        Line todayLine = new Line(tx, 8, tx, axisY);
        todayLine.getStyleClass().add("timeline-today");
        todayLine.setStroke(BandStyle.color(ExpiryBand.EXPIRED));
        todayLine.getStrokeDashArray().setAll(4.0, 4.0);
        todayLine.setStrokeWidth(1.5);
        Text todayLabel = new Text(tx + 4, 16, "today");
        todayLabel.getStyleClass().add("timeline-today-label");
        todayLabel.setFill(BandStyle.color(ExpiryBand.EXPIRED));
        nodes.add(todayLine);
        nodes.add(todayLabel);
    }

    private Node neverStrip(double plotRight, double width, double axisY) {
        Pane strip = new Pane();
        Rectangle r = new Rectangle(plotRight + 6, TOP - 10, width - plotRight - 10, axisY - TOP + 10);
        r.getStyleClass().add("timeline-never-strip");
        Text label = new Text(plotRight + 14, axisY + 17, "never");
        label.getStyleClass().add("timeline-label");
        strip.getChildren().addAll(r, label);
        strip.setMouseTransparent(true);
        return strip;
    }

    private void marks(List<Node> nodes, double plotRight, double width, double axisY) {
        int lanes = Math.max(1, (int) ((axisY - TOP) / LANE));
        List<Double> laneEnds = new ArrayList<>();
        List<CredentialItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((CredentialItem i) -> i.expiresOn() == null ? LocalDate.MAX : i.expiresOn()));
        for (CredentialItem item : sorted) {
            double cx = item.expiresOn() == null
                    ? (item.rejected() ? x(today.minusDays(DAYS_BEFORE), plotRight) : (plotRight + width) / 2)
                    : x(item.expiresOn(), plotRight);
            int lane = freeLane(laneEnds, cx, lanes);
            Circle mark = mark(item, cx, TOP + lane * LANE + RADIUS);
            marks.put(item, mark);
            nodes.add(mark);
        }
        restyle(selected.get());
    }

    /** A selected mark is bigger, outlined and on top. */
    private void restyle(CredentialItem item) {
        Circle c = item == null ? null : marks.get(item);
        if (c == null) {
            return;
        }
        boolean isSelected = item.equals(selected.get());
        c.setRadius(isSelected ? RADIUS + 2 : RADIUS);
        // Outline colours come from tokens.css (theme colours), so the ring shows on light and dark alike.
        c.getStyleClass().remove(SELECTED_STYLE_CLASS);
        if (isSelected) {
            c.getStyleClass().add(SELECTED_STYLE_CLASS);
            c.toFront();
        }
    }

    /** The first lane whose last mark ends left of {@code cx}; when all are taken, the least crowded wraps around. */
    private static int freeLane(List<Double> laneEnds, double cx, int lanes) {
        for (int i = 0; i < laneEnds.size(); i++) {
            if (laneEnds.get(i) < cx - LANE) {
                laneEnds.set(i, cx);
                return i;
            }
        }
        if (laneEnds.size() < lanes) {
            laneEnds.add(cx);
            return laneEnds.size() - 1;
        }
        int lane = laneEnds.size() % lanes;
        laneEnds.set(lane, cx);
        return lane;
    }

    private Circle mark(CredentialItem item, double cx, double cy) {
        ExpiryBand band = item.band(today);
        Circle c = new Circle(cx, cy, RADIUS, BandStyle.color(band));
        c.getStyleClass().add(MARK_STYLE_CLASS);
        c.setId("mark-" + item.id().replaceAll("[^A-Za-z0-9_-]", "_"));
        c.setUserData(item);
        c.setStroke(Color.WHITE);
        c.setStrokeWidth(1.5);
        Tooltip tip = new Tooltip(TokenTexts.tooltip(item, today));
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(c, tip);
        c.setOnMouseClicked(e -> onPick.accept(item));
        c.setStyle("-fx-cursor: hand;");
        return c;
    }
}
