package lab.diffusion.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Small helpers for the sidebar forms: labelled rows, tooltips, sections. */
public final class Forms {

    private Forms() {
    }

    /** Attaches a tooltip (shown quickly) and uses its first sentence as the accessible help. */
    public static <T extends Control> T tip(T control, String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(350));
        t.setShowDuration(Duration.seconds(20));
        t.setWrapText(true);
        t.setMaxWidth(360);
        control.setTooltip(t);
        control.setAccessibleHelp(text);
        return control;
    }

    /** A two-column form. */
    public static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.getStyleClass().add("form");
        return g;
    }

    /** Adds "label  control" as the next row of a form. */
    public static void row(GridPane g, String label, Control control) {
        int r = g.getRowCount();
        Label l = new Label(label);
        l.setLabelFor(control);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Label.USE_PREF_SIZE);
        if (control.getTooltip() != null) {
            l.setTooltip(control.getTooltip());
        }
        control.setAccessibleText(label);
        control.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(control, Priority.ALWAYS);
        g.add(l, 0, r);
        g.add(control, 1, r);
    }

    /** Adds a node spanning both columns. */
    public static void span(GridPane g, Node n) {
        g.add(n, 0, g.getRowCount(), 2, 1);
    }

    /** A collapsible sidebar section. */
    public static TitledPane section(String title, Node content) {
        VBox box = new VBox(8, content);
        box.setPadding(new Insets(8, 8, 10, 8));
        TitledPane p = new TitledPane(title, box);
        p.setAnimated(false);
        p.getStyleClass().add("sidebar-section");
        return p;
    }

    /**
     * An editable integer spinner that refuses text that is not a whole number in [min, max]:
     * the old value stays and {@code complain} receives a sentence saying why (instead of the
     * exception a plain Spinner throws).
     */
    public static javafx.scene.control.Spinner<Integer> intSpinner(int min, int max, int initial, int step,
                                                                   java.util.function.Consumer<String> complain) {
        var f = new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial, step);
        f.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                Integer keep = f.getValue();
                try {
                    int v = Integer.parseInt(s.trim());
                    if (v < min || v > max) {
                        complain.accept("Enter a whole number from " + min + " to " + max + "; kept " + keep + ".");
                        return keep;
                    }
                    complain.accept("");
                    return v;
                } catch (NumberFormatException e) {
                    complain.accept("'" + s.trim() + "' is not a whole number; kept " + keep + ".");
                    return keep;
                }
            }
        });
        javafx.scene.control.Spinner<Integer> sp = new javafx.scene.control.Spinner<>(f);
        sp.setEditable(true);
        // show the kept value again after a refused edit
        sp.getEditor().focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                sp.getEditor().setText(f.getConverter().toString(f.getValue()));
            }
        });
        return sp;
    }

    /** A label for short explanations and messages. */
    public static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("note");
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }
}
