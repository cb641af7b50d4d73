package lab.diffusion.app.window;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.export.Exports;
import lab.diffusion.app.export.GifExport;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.engine.io.GifWriter;

/**
 * Animations of a plot through t (an animated GIF or PNG frames) with a progress window that
 * can cancel; the timeline runs through t while frames are taken and returns to where it was.
 * FX thread; the encoding runs on the background executor.
 */
final class ExportDialog {

    private final Explorer ex;
    private final MainWindow window;
    private GifExport running;

    ExportDialog(Explorer ex, MainWindow window) {
        this.ex = ex;
        this.window = window;
    }

    /** The export running now, or null. */
    GifExport running() {
        return running;
    }

    /**
     * Exports the Forward (0) or Reverse (1) plot through every t at {@code size}×{@code size}
     * points: forward from the data to noise, reverse from noise to the samples.
     */
    GifExport start(int which, Path out, boolean frames, int size, int delayMillis) {
        if (running != null) {
            ex.messages.report("An export is already running.");
            return running;
        }
        PlotCanvas plot = ex.shownPlots().get(which);
        int steps = ex.schedule.steps();
        int[] ts = new int[steps + 1];
        for (int i = 0; i <= steps; i++) {
            ts[i] = which == 0 ? i : steps - i;
        }
        int keepT = ex.timeline.t();
        boolean wasPlaying = ex.timeline.playingProperty().get();
        ex.timeline.playingProperty().set(false);
        GifExport job = new GifExport().start(ts, t -> {
            ex.timeline.setT(t);
            return Exports.awt(plot.render(size, size + 44, 1.0));
        }, out, delayMillis, frames, ex.background());
        running = job;
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(320);
        bar.progressProperty().bind(job.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("export-cancel");
        cancel.setOnAction(e -> job.cancel());
        Label what = new Label((frames ? "PNG frames of the " : "Animated GIF of the ") + (which == 0 ? "forward" : "reverse")
                + " process: " + (steps + 1) + " frames");
        VBox box = new VBox(10, what, bar, cancel);
        box.setPadding(new Insets(14));
        Stage dialog = new Stage();
        dialog.setTitle("Exporting");
        if (window.getScene() != null && window.getScene().getWindow() != null) {
            dialog.initOwner(window.getScene().getWindow());
        }
        Scene scene = new Scene(box);
        ex.appearance.attach(scene);
        dialog.setScene(scene);
        dialog.setOnCloseRequest(e -> job.cancel());
        dialog.show();
        job.result().whenComplete((secs, err) -> ex.background().toUi(() -> {
            dialog.close();
            running = null;
            ex.timeline.setT(keepT);
            if (wasPlaying) {
                ex.timeline.playingProperty().set(true);
            }
            if (err == null) {
                ex.messages.inform(String.format("Exported %d frames to %s in %.1f s", steps + 1, out.getFileName(), secs));
            } else if (err instanceof GifWriter.Cancelled || err.getCause() instanceof GifWriter.Cancelled) {
                ex.messages.report("Export cancelled; nothing was written.");
            } else {
                ex.messages.report("Not exported: " + err.getMessage());
            }
        }));
        return job;
    }
}
