package lab.diffusion.app.schedule;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import lab.diffusion.app.plots.CurveChart;
import lab.diffusion.app.plots.KnotPlot;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;
import lab.diffusion.engine.schedule.Knots;
import lab.diffusion.engine.schedule.Schedule;

/**
 * The schedule editor: knots of log β, ᾱ or log-SNR over t, dragged with the mouse; every move
 * applies the drawn schedule at once, so the curves, the forward plot and the "reached noise?"
 * readout follow while dragging. FX thread.
 */
public final class ScheduleEditor {

    private final Stage stage = new Stage();
    private final KnotPlot plot = new KnotPlot();
    private final CurveChart preview = new CurveChart();
    private final ScheduleModel model;
    private final Predicate<Schedule> apply;
    private final MessageLabel message = new MessageLabel("editor-message");

    /**
     * @param apply   applies a drawn schedule (asking before discarding training); false if refused
     * @param mayDrag asked when a knot is grabbed: whether the model may be replaced (asks once,
     *                before the drag, when training would be lost)
     * @param style   styles the editor's window like the main window
     */
    public ScheduleEditor(ScheduleModel model, Predicate<Schedule> apply, BooleanSupplier mayDrag, RenderLoop loop,
                          Consumer<Scene> style) {
        this.model = model;
        this.apply = apply;
        plot.setMayDrag(mayDrag);
        ChoiceBox<Knots.Space> space = new ChoiceBox<>(FXCollections.observableArrayList(Knots.Space.values()));
        space.setId("knot-space");
        space.setConverter(new StringConverter<>() {
            @Override
            public String toString(Knots.Space s) {
                return s == null ? "" : s.label();
            }

            @Override
            public Knots.Space fromString(String s) {
                return null;
            }
        });
        space.setValue(Knots.Space.LOG_BETA);
        Forms.tip(space, "What the knots set: log βₜ, ᾱₜ (the signal kept) or the log signal-to-noise ratio λₜ = logit ᾱₜ.");
        Spinner<Integer> count = Forms.intSpinner(3, 20, 6, 1, this::say);
        count.setId("knot-count");
        Forms.tip(count, "Number of knots, spread evenly over t.");
        count.setPrefWidth(80);
        Button restart = Forms.tip(new Button("From the current schedule"), "Place the knots on the schedule in use.");
        restart.setId("knots-restart");
        Runnable reseed = () -> plot.setKnots(Knots.from(model.schedule(), space.getValue(), count.getValue()));
        restart.setOnAction(e -> reseed.run());
        space.valueProperty().addListener((o, a, b) -> reseed.run());
        count.valueProperty().addListener((o, a, b) -> reseed.run());
        plot.setOnChange(k -> {
            Schedule s = k.toSchedule();
            if (apply.test(s)) {
                preview.setSchedule(s); // only once the change is accepted
            } else {
                reseed.run(); // refused: show the schedule in use again
            }
        });
        plot.setPrefSize(720, 360);
        preview.setPrefSize(720, 220);
        model.scheduleProperty().addListener((o, a, b) -> preview.setSchedule(b));
        Button close = Forms.tip(new Button("Close"), "Close the editor (Esc); the schedule in use stays.");
        close.setId("editor-close");
        close.setCancelButton(true); // Esc
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label("Knots of"), space, new Label("Knots"), count, restart, gap, close);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label hint = Forms.note("Drag a knot up or down; the schedule applies at once (changing it starts a new model). "
                + "ᾱ and log-SNR knots stay in decreasing order.");
        VBox root = new VBox(8, controls, hint, plot, preview, message);
        VBox.setVgrow(plot, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        root.setId("schedule-editor");
        Scene scene = new Scene(root, 760, 700);
        style.accept(scene);
        stage.setScene(scene);
        stage.setTitle("Schedule editor");
        loop.register(plot);
        loop.register(preview);
        stage.setOnHidden(e -> {
            loop.unregister(plot);
            loop.unregister(preview);
        });
        reseed.run();
        preview.setSchedule(model.schedule());
    }

    private void say(String t) {
        message.say(t);
    }

    public KnotPlot plot() {
        return plot;
    }

    public Stage stage() {
        return stage;
    }

    public void show(Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
        }
        stage.show();
        stage.toFront();
    }
}
