package lab.diffusion.app.runs;

import java.io.ByteArrayInputStream;
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
import lab.diffusion.app.Explorer;
import lab.diffusion.app.plots.ImageGridPlot;
import lab.diffusion.app.plots.KChart;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RasterPlot;
import lab.diffusion.app.plots.ReversePlot;
import lab.diffusion.engine.session.RunRecord;
import lab.diffusion.engine.session.Session;
import lab.diffusion.engine.train.TrainingHistory;

/**
 * Two runs side by side at the main timeline's t: each run's reverse samples (redrawn from its
 * saved model, or its picture when only that was kept) and both K curves in one chart.
 */
public final class CompareWindow {

    private final Explorer ex;
    private final Stage stage = new Stage();
    private final KChart chart = new KChart();
    private final PlotCanvas left;
    private final PlotCanvas right;

    /** @param b the second run, or null to compare {@code a} with the current model */
    public CompareWindow(Explorer ex, RunRecord a, RunRecord b) {
        this.ex = ex;
        left = plotFor(a.name());
        right = plotFor(b == null ? "Current model" : b.name());
        chart.setId("compare-chart");
        TrainingHistory.Curve cb = b == null ? ex.training.curveProperty().get() : b.curve();
        chart.setScale(ex.training.perUnitProperty().get());
        chart.setCurve(a.curve());
        chart.setSecondCurve(cb, b == null ? "current model" : b.name(), a.name());
        chart.setUnit(ex.training.perUnitProperty().get() > 1 ? "pixel" : ex.mode() == Explorer.Mode.BINARY ? "sequence" : "sample",
                "L_null");
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
        scene.getStylesheets().add(lab.diffusion.app.DiffusionLabApp.class.getResource(lab.diffusion.app.DiffusionLabApp.LIGHT_CSS)
                .toExternalForm());
        stage.setScene(scene);
        ex.renderLoop.register(left);
        ex.renderLoop.register(right);
        ex.renderLoop.register(chart);
        javafx.beans.value.ChangeListener<Number> follow = (o, x, t) -> setT(t.intValue());
        ex.timeline.tProperty().addListener(follow);
        stage.setOnHidden(e -> {
            ex.timeline.tProperty().removeListener(follow);
            ex.renderLoop.unregister(left);
            ex.renderLoop.unregister(right);
            ex.renderLoop.unregister(chart);
        });
        load(left, a == null ? null : ex.runModel(a), 11);
        if (b == null) {
            ex.engine.capture(s -> load(right, s, 11));
        } else {
            load(right, ex.runModel(b), 11);
        }
        setT(ex.timeline.t());
    }

    private PlotCanvas plotFor(String title) {
        PlotCanvas p = switch (ex.mode()) {
            case BINARY -> new RasterPlot("compare-raster", title, false);
            case IMAGES -> new ImageGridPlot("compare-images", title);
            default -> {
                ReversePlot r = new ReversePlot();
                r.setTitle(title);
                double[] w = ex.world();
                r.setWorld(w[0], w[1], w[2], w[3]);
                r.setEqualAspect(true);
                yield r;
            }
        };
        p.setPrefSize(520, 480);
        return p;
    }

    private StackPane cell(PlotCanvas p, RunRecord r) {
        StackPane s = new StackPane(p);
        GridPane.setHgrow(s, Priority.ALWAYS);
        GridPane.setVgrow(s, Priority.ALWAYS);
        if (r != null && ex.runModel(r) == null && r.thumbnailPng().length > 0) {
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
        int n = ex.mode() == Explorer.Mode.IMAGES ? 16 : ex.mode() == Explorer.Mode.BINARY ? 64 : 2000;
        p.setSubtitle("sampling…");
        ex.engine.sampleSession(s, n, seed, states -> {
            if (states == null) {
                p.setSubtitle("could not sample");
                return;
            }
            if (p instanceof ReversePlot r) {
                r.setStates(states);
            } else if (p instanceof RasterPlot r) {
                r.setStates(states, s.model().dim());
            } else if (p instanceof ImageGridPlot g) {
                g.setStates(states, s.data().images().width(), s.data().images().height());
            }
            setT(ex.timeline.t());
        });
    }

    private void setT(int t) {
        for (PlotCanvas p : new PlotCanvas[] {left, right}) {
            if (p instanceof ReversePlot r) {
                r.setT(t);
            } else if (p instanceof RasterPlot r) {
                r.setT(t);
            } else if (p instanceof ImageGridPlot g) {
                g.setT(t);
            }
            if (!p.subtitle().startsWith("sampling") && !p.subtitle().startsWith("samples not") && !p.subtitle().startsWith("could")) {
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
