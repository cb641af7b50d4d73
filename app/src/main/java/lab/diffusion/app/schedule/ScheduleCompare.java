package lab.diffusion.app.schedule;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import lab.diffusion.app.plots.CurveChart;
import lab.diffusion.app.plots.ForwardPlot;
import lab.diffusion.app.plots.KChart;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.PointColors;
import lab.diffusion.app.plots.RenderLoop;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.LatestTask;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.live.LiveResults.PairResult;
import lab.diffusion.engine.model.GaussianTables;
import lab.diffusion.engine.process.ForwardPaths;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;

/**
 * Two schedules side by side on the same data and seed: the forward process under each at
 * the timeline's t, their β/ᾱ/SNR curves overlaid (B dashed), and after training a fresh model
 * with each for the same time, both K curves and the final held-out K. 2D points.
 * FX thread; forward paths on the background executor, training on the engine thread.
 */
public final class ScheduleCompare {

    /** What a comparison needs of the explorer. FX thread. */
    public interface Host {
        ScheduleModel schedule();

        /** The timeline's t, which the forward views follow. */
        ReadOnlyIntegerProperty tProperty();

        RenderLoop renderLoop();

        Background background();

        /** The 2D points shown (null when the data are not 2D points), their standardizer and the plotted region. */
        PointSet points();

        Standardizer standardizer();

        double[] world();

        /** Trains a fresh model with the schedule in use and one with {@code b}; false (a message says why) if it cannot. */
        boolean trainBoth(Schedule b, double seconds, Consumer<String> progress, BiConsumer<PairResult, PairResult> done);

        /** Styles a window this feature opens like the main window. */
        void style(Scene scene);
    }

    private final Host ex;
    private final Stage stage = new Stage();
    private final ForwardPlot a = new ForwardPlot();
    private final ForwardPlot b = new ForwardPlot();
    private final CurveChart curves = new CurveChart();
    private final KChart chart = new KChart();
    private final Label result = Forms.note("");
    private final LatestTask forward;
    private Schedule other;

    public ScheduleCompare(Host ex) {
        this.ex = ex;
        this.forward = ex.background().latest();
        a.setId("compare-forward-a");
        b.setId("compare-forward-b");
        chart.setId("compare-k-chart");
        ChoiceBox<ScheduleFamily> family = new ChoiceBox<>(FXCollections.observableArrayList(ScheduleFamily.standard()));
        family.setId("compare-family");
        family.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScheduleFamily s) {
                return s == null ? "" : s.label();
            }

            @Override
            public ScheduleFamily fromString(String s) {
                return null;
            }
        });
        family.setValue(ex.schedule().family() == ScheduleFamily.COSINE ? ScheduleFamily.LOGSNR : ScheduleFamily.COSINE);
        Forms.tip(family, "The family of schedule B (A is the schedule in use).");
        Spinner<Integer> steps = Forms.intSpinner(2, ex.schedule().maxStepsProperty().get(), ex.schedule().steps(), 1, this::say);
        steps.setId("compare-steps");
        steps.setPrefWidth(90);
        Forms.tip(steps, "T of schedule B.");
        Spinner<Integer> seconds = Forms.intSpinner(5, 1800, 30, 5, this::say);
        seconds.setId("compare-seconds");
        seconds.setPrefWidth(90);
        Forms.tip(seconds, "Training time for each of the two fresh models.");
        Button train = Forms.tip(new Button("Train both"), "Train a fresh model with A and then one with B for the same time "
                + "(same data, model and seed), and compare their K.");
        train.setId("compare-train");
        train.getStyleClass().add("primary");
        Runnable update = () -> setOther(Schedules.create(family.getValue(), steps.getValue()));
        family.valueProperty().addListener((o, x, y) -> update.run());
        steps.valueProperty().addListener((o, x, y) -> update.run());
        train.setOnAction(e -> {
            train.setDisable(true);
            boolean started = ex.trainBoth(other, seconds.getValue(), this::say, (ra, rb) -> {
                train.setDisable(false);
                chart.setCurve(ra.curve());
                chart.setSecondCurve(rb.curve(), rb.label(), ra.label());
                result.setText(String.format("After %d s each: held-out K with A (%s) = %.3f bits (%,d steps); with B (%s) = %.3f bits "
                        + "(%,d steps). Difference B − A = %+.3f bits.", seconds.getValue(), ex.schedule().schedule(), ra.heldoutBits(),
                        ra.steps(), other, rb.heldoutBits(), rb.steps(), rb.heldoutBits() - ra.heldoutBits()));
            });
            if (!started) {
                train.setDisable(false);
            }
        });
        HBox controls = new HBox(8, new Label("B:"), family, new Label("T"), steps, new Label("Train each for"), seconds,
                new Label("s"), train);
        controls.setAlignment(Pos.CENTER_LEFT);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(a, 0, 0);
        grid.add(b, 1, 0);
        grid.add(curves, 0, 1);
        grid.add(chart, 1, 1);
        for (Node n : new Node[] {a, b, curves, chart}) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        a.setPrefSize(480, 400);
        b.setPrefSize(480, 400);
        curves.setPrefSize(480, 220);
        chart.setPrefSize(480, 220);
        result.setId("compare-result");
        VBox root = new VBox(8, controls, grid, result);
        root.setPadding(new Insets(10));
        root.setId("schedule-compare");
        Scene scene = new Scene(root, 1020, 820);
        ex.style(scene);
        stage.setScene(scene);
        stage.setTitle("Compare schedules");
        for (PlotCanvas p : new PlotCanvas[] {a, b, curves, chart}) {
            ex.renderLoop().register(p);
        }
        ChangeListener<Number> follow = (o, x, t) -> setT(t.intValue());
        ChangeListener<Schedule> mine = (o, x, s) -> setOther(other);
        ex.tProperty().addListener(follow);
        ex.schedule().scheduleProperty().addListener(mine);
        stage.setOnHidden(e -> {
            ex.tProperty().removeListener(follow);
            ex.schedule().scheduleProperty().removeListener(mine);
            for (PlotCanvas p : new PlotCanvas[] {a, b, curves, chart}) {
                ex.renderLoop().unregister(p);
            }
        });
        double[] w = ex.world();
        for (ForwardPlot p : new ForwardPlot[] {a, b}) {
            p.setWorld(w[0], w[1], w[2], w[3]);
            p.setEqualAspect(true);
        }
        chart.setUnit("sample", "L_null (unit Gaussian)");
        chart.setReferences(GaussianTables.nullLogLikelihood(2) / Math.log(2), Double.NaN, "");
        say("");
        update.run();
    }

    private void say(String s) {
        result.setText(s);
    }

    /** Sets schedule B and recomputes both forward plots off the UI thread. */
    public void setOther(Schedule s) {
        other = s;
        Schedule mine = ex.schedule().schedule();
        curves.setSchedule(mine);
        curves.setCompare(s);
        curves.setTitle("A (solid): " + mine + "   B (dashed): " + s);
        PointSet pts = ex.points();
        if (pts == null) {
            return;
        }
        Standardizer st = ex.standardizer();
        forward.submit(() -> new Pair(ForwardPaths.compute(pts, st, mine, 1), ForwardPaths.compute(pts, st, s, 1)), f -> {
            PointColors c = PointColors.byAngle(f.a()[0], pts.size());
            a.setStates(f.a(), c);
            b.setStates(f.b(), c);
            a.setTitle("A: " + mine);
            b.setTitle("B: " + s);
            setT(ex.tProperty().get());
        });
    }

    private record Pair(float[][] a, float[][] b) {
    }

    private void setT(int t) {
        a.setT(Math.min(t, ex.schedule().steps()));
        b.setT(other == null ? 0 : Math.min(t, other.steps()));
        a.setSubtitle("t = " + Math.min(t, ex.schedule().steps()));
        b.setSubtitle("t = " + (other == null ? 0 : Math.min(t, other.steps())));
    }

    public Stage stage() {
        return stage;
    }

    public KChart chart() {
        return chart;
    }

    public void show(Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
        }
        stage.show();
        stage.toFront();
    }
}
