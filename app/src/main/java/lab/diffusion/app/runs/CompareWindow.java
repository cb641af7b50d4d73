package lab.diffusion.app.runs;

import java.io.ByteArrayInputStream;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.diffusion.app.plots.KChart;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.Stepped;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * Two runs side by side at the main timeline's t: each run's reverse samples (redrawn from its
 * saved model, or its picture when only that was kept) and both K curves in one chart.
 * FX thread; the runs are sampled on the engine thread.
 */
public final class CompareWindow {

    private final RunsHost ex;
    private final Stage stage = new Stage();
    private final KChart chart = new KChart();
    private final PlotCanvas left;
    private final PlotCanvas right;

    /** @param b the second run, or null to compare {@code a} with the current model */
    public CompareWindow(RunsHost ex, RunRecord a, RunRecord b) {
        this.ex = ex;
        Session runA = ex.history().model(a);
        Session runB = b == null ? null : ex.history().model(b);
        left = ex.comparePlot(runA, a.name());
        right = ex.comparePlot(b == null ? null : runB, b == null ? "Current model" : b.name());
        left.setPrefSize(520, 480);
        right.setPrefSize(520, 480);
        chart.setId("compare-chart");
        TrainingHistory.Curve cb = b == null ? ex.currentCurve() : b.curve();
        chart.setScale(ex.perUnit());
        chart.setCurve(a.curve());
        chart.setSecondCurve(cb, b == null ? "current model" : b.name(), a.name());
        chart.setUnit(ex.unit(), "L_null");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(cell(left, a), 0, 0);
        grid.add(cell(right, b), 1, 0);
        grid.add(chart, 0, 1, 2, 1);
        GridPane.setHgrow(chart, Priority.ALWAYS);
        chart.setPrefHeight(260);
        Label settings = new Label(a.name() + ": " + a.settings() + "\n" + (b == null ? "Current: " + ex.describeRun()
                : b.name() + ": " + b.settings()));
        settings.setWrapText(true);
        VBox root = new VBox(8, grid, settings);
        root.setPadding(new Insets(10));
        root.setId("compare-window");
        stage.setTitle("Compare runs — " + a.name() + " and " + (b == null ? "the current model" : b.name()));
        Scene scene = new Scene(root, 1100, 820);
        ex.style(scene);
        stage.setScene(scene);
        ex.renderLoop().register(left);
        ex.renderLoop().register(right);
        ex.renderLoop().register(chart);
        ChangeListener<Number> follow = (o, x, t) -> setT(t.intValue());
        ex.tProperty().addListener(follow);
        stage.setOnHidden(e -> {
            ex.tProperty().removeListener(follow);
            ex.renderLoop().unregister(left);
            ex.renderLoop().unregister(right);
            ex.renderLoop().unregister(chart);
        });
        load(left, runA, 11);
        if (b == null) {
            ex.captureCurrent(s -> load(right, s, 11));
        } else {
            load(right, runB, 11);
        }
        setT(ex.tProperty().get());
    }

    private StackPane cell(PlotCanvas p, RunRecord r) {
        StackPane s = new StackPane(p);
        GridPane.setHgrow(s, Priority.ALWAYS);
        GridPane.setVgrow(s, Priority.ALWAYS);
        if (r != null && ex.history().model(r) == null && r.thumbnailPng().length > 0) {
            // only the picture was kept (a run opened from a file)
            ImageView iv = new ImageView(new Image(new ByteArrayInputStream(r.thumbnailPng())));
            iv.setPreserveRatio(true);
            iv.setFitWidth(400);
            s.getChildren().setAll(new VBox(6, new Label(r.name() + " (picture saved with the run)"), iv));
        }
        return s;
    }

    private void load(PlotCanvas p, Session s, long seed) {
        if (s == null) {
            p.setSubtitle("samples not available");
            return;
        }
        p.setSubtitle("sampling…");
        ex.sample(s, ex.compareSamples(s), seed, states -> {
            if (states == null) {
                p.setSubtitle("could not sample");
                return;
            }
            ex.showCompared(p, states, s);
            p.setSubtitle("");
            setT(ex.tProperty().get());
        });
    }

    private void setT(int t) {
        for (PlotCanvas p : new PlotCanvas[] {left, right}) {
            if (p instanceof Stepped st) {
                st.setT(t);
            }
            String sub = p.subtitle();
            if (!sub.startsWith("sampling") && !sub.startsWith("samples not") && !sub.startsWith("could")) {
                p.setSubtitle("t = " + t);
            }
        }
    }

    public void show(Window owner) {
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
        }
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public PlotCanvas left() {
        return left;
    }

    public PlotCanvas right() {
        return right;
    }
}
