package lab.diffusion.app.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Small helpers for the sidebar forms: labelled rows, tooltips, sections. FX thread. */
public final class Forms {

    private Forms() {
    }

    /** Attaches a tooltip (shown quickly) and uses its first sentence as the accessible help. */
    public static <T extends Control> T tip(T control, String text) {
        // the Tooltip (a popup window each) is made when the pointer first enters the control:
        // building a hundred of them at start-up took half of the window's construction time
        boolean first = !control.getProperties().containsKey(TIP);
        control.getProperties().put(TIP, text);
        control.setAccessibleHelp(text);
        if (control.getTooltip() != null) {
            control.getTooltip().setText(text);
        } else if (first) {
            control.addEventFilter(MouseEvent.MOUSE_ENTERED, e -> tooltip(control));
        }
        return control;
    }

    private static final String TIP = "dlab.tip";

    /** The control's tooltip, made now if it was only promised by {@link #tip}; null if it has none. */
    public static Tooltip tooltip(Control control) {
        Object text = control.getProperties().get(TIP);
        if (control.getTooltip() == null && text != null) {
            Tooltip t = new Tooltip((String) text);
            t.setShowDelay(Duration.millis(350));
            t.setShowDuration(Duration.seconds(20));
            t.setWrapText(true);
            t.setMaxWidth(360);
            control.setTooltip(t);
        }
        return control.getTooltip();
    }

    /** The text of the control's tooltip, whether it has been made yet or not (null if it has none). */
    public static String tipText(Control control) {
        Object text = control.getProperties().get(TIP);
        return text != null ? (String) text : control.getTooltip() != null ? control.getTooltip().getText() : null;
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
        if (tipText(control) != null) {
            tip(l, tipText(control));
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
     * A collapsed sidebar section whose content joins the scene only when it is first needed:
     * when the user expands it, when {@link #attachPending} runs (after the first frame), or when
     * it becomes visible. Start-up then styles and lays out only what is on screen.
     */
    public static TitledPane lazySection(String title, Node content) {
        TitledPane p = section(title, content);
        Node box = p.getContent();
        p.setExpanded(false);
        p.setContent(null);
        p.getProperties().put(PENDING, box);
        p.expandedProperty().addListener((o, a, b) -> {
            if (b) {
                attach(p);
            }
        });
        return p;
    }

    private static final String PENDING = "dlab.pending-content";

    /** Gives a lazy section its content now (nothing if it already has it). */
    public static void attach(TitledPane p) {
        Object box = p.getProperties().remove(PENDING);
        if (box != null) {
            p.setContent((Node) box);
        }
    }

    /** Whether a lazy section still waits for its content. */
    public static boolean pending(TitledPane p) {
        return p.getProperties().containsKey(PENDING);
    }

    /**
     * An editable integer spinner that refuses text that is not a whole number in [min, max]:
     * the old value stays and {@code complain} receives a sentence saying why (instead of the
     * exception a plain Spinner throws).
     */
    public static Spinner<Integer> intSpinner(int min, int max, int initial, int step,
                                                                   Consumer<String> complain) {
        var f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial, step);
        f.setConverter(new StringConverter<>() {
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
        Spinner<Integer> sp = new Spinner<>(f);
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
