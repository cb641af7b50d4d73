package lab.diffusion.app.window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.export.Exports;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.app.ui.FileActions;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.engine.train.TrainingHistory;

/** The File menu: open, recent files, save, the exports and quit. Files are written on the background executor. FX thread. */
final class FileMenu {

    private final Explorer ex;
    private final SessionController sessions;
    private final MainWindow window;

    FileMenu(Explorer ex, SessionController sessions, MainWindow window) {
        this.ex = ex;
        this.sessions = sessions;
        this.window = window;
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    Menu build() {
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : sessions.recent()) {
                recent.getItems().add(AppMenu.item(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()), null, null,
                        () -> openAsking(p)));
            }
            if (Files.exists(sessions.recoveryFile())) {
                if (!recent.getItems().isEmpty()) {
                    recent.getItems().add(new SeparatorMenuItem());
                }
                recent.getItems().add(AppMenu.item("Last autosave", "menu-open-autosave", null, () -> openAsking(sessions.recoveryFile())));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        fillRecent.run();
        sessions.recent().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        recent.setOnShowing(e -> fillRecent.run());

        Menu export = new Menu("Export");
        export.setId("menu-export");
        export.getItems().addAll(
                AppMenu.item("Figure (the three plots) as PNG…", "export-figure", null, () -> exportPng(-1)),
                AppMenu.item("Forward plot as PNG…", "export-plot-1", null, () -> exportPng(0)),
                AppMenu.item("Reverse plot as PNG…", "export-plot-2", null, () -> exportPng(1)),
                AppMenu.item("Third plot as PNG…", "export-plot-3", null, () -> exportPng(2)),
                new SeparatorMenuItem(),
                AppMenu.item("Forward process as animated GIF…", "export-gif-forward", null, () -> exportAnimation(0, false)),
                AppMenu.item("Reverse process as animated GIF…", "export-gif-reverse", null, () -> exportAnimation(1, false)),
                AppMenu.item("Reverse process as PNG frames…", "export-frames", null, () -> exportAnimation(1, true)),
                new SeparatorMenuItem(),
                AppMenu.item("Samples…", "export-samples", null, () -> export(ex.mode().samplesExport(), "There are no samples yet.")),
                AppMenu.item("Data as CSV…", "export-data", null,
                        () -> export(ex.mode().dataExport(), "These data are not exported as CSV; save the session to keep them.")),
                AppMenu.item("K history as CSV…", "export-history", null, this::exportHistory));

        Menu m = new Menu("File");
        m.setId("menu-file");
        m.getItems().addAll(
                AppMenu.item("Open…", "menu-open", "Shortcut+O", this::chooseOpen),
                recent,
                new SeparatorMenuItem(),
                AppMenu.item("Save", "menu-save", "Shortcut+S", this::save),
                AppMenu.item("Save As…", "menu-save-as", "Shortcut+Shift+S", this::chooseSaveAs),
                autosave(),
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                AppMenu.item("Quit", "menu-quit", "Shortcut+Q", () -> {
                    Window w = owner();
                    if (w != null) {
                        w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
                    }
                }));
        return m;
    }

    /** How often the recovery file is written while training moves (saved with the app's settings). */
    private Menu autosave() {
        Menu m = new Menu("Autosave");
        m.setId("menu-autosave");
        ToggleGroup g = new ToggleGroup();
        for (int minutes : SessionController.autosaveChoices()) {
            RadioMenuItem r = new RadioMenuItem(minutes == 0 ? "Off" : minutes == 1 ? "Every minute" : "Every " + minutes + " minutes");
            r.setId("autosave-" + minutes);
            r.setToggleGroup(g);
            r.setSelected(sessions.autosaveMinutesProperty().get() == minutes);
            r.setOnAction(e -> sessions.autosaveMinutesProperty().set(minutes));
            m.getItems().add(r);
        }
        return m;
    }

    // ------------------------------------------------------------------ sessions

    private FileChooser sessionChooser(String title) {
        FileChooser fc = FileActions.chooser(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Diffusion Lab sessions", "*.dlab"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path cur = sessions.currentProperty().get();
        if (cur != null && cur.getParent() != null && cur.getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(cur.getParent().toFile());
        }
        return fc;
    }

    private void chooseOpen() {
        File f = sessionChooser("Open a session").showOpenDialog(owner());
        if (f != null) {
            FileActions.remember(f.toPath());
            openAsking(f.toPath());
        }
    }

    private void openAsking(Path p) {
        if (ex.trainer.allowDiscard("Opening " + p.getFileName())) {
            sessions.open(p);
        }
    }

    private void save() {
        if (sessions.currentProperty().get() == null) {
            chooseSaveAs();
        } else {
            sessions.save();
        }
    }

    private void chooseSaveAs() {
        FileChooser fc = sessionChooser("Save the session");
        Path cur = sessions.currentProperty().get();
        fc.setInitialFileName(cur == null ? FileActions.dated(ex.mode().dataName().replaceAll("[^A-Za-z0-9._-]+", "-") + ".dlab") : cur.getFileName().toString());
        File f = fc.showSaveDialog(owner());
        if (f != null) {
            Path p = f.toPath();
            FileActions.remember(p);
            if (!p.getFileName().toString().contains(".")) {
                p = p.resolveSibling(p.getFileName() + ".dlab");
            }
            sessions.saveAs(p);
        }
    }

    // ------------------------------------------------------------------ exports

    private Path chooseOut(String title, String name, String description, String pattern) {
        return FileActions.chooseSave(owner(), title, name, description, pattern);
    }

    private Double chooseScale() {
        ChoiceDialog<String> d = new ChoiceDialog<>("2× (slides)", "1× (as on screen)", "2× (slides)", "4× (print)");
        d.setTitle("Resolution");
        d.setHeaderText("Pixels per screen pixel");
        d.initOwner(owner());
        return d.showAndWait().map(s -> (double) (s.charAt(0) - '0')).orElse(null);
    }

    private void exportPng(int which) {
        Double scale = chooseScale();
        if (scale == null) {
            return;
        }
        List<PlotCanvas> plots = which < 0 ? ex.shownPlots() : List.of(ex.shownPlots().get(which));
        var img = which < 0 ? Exports.figure(plots, scale) : Exports.awt(plots.get(0).render(scale));
        export(new FileExport("Export PNG", which < 0 ? "figure.png" : "plot.png", "PNG image", "*.png",
                String.format("Exported a %d×%d picture", img.getWidth(), img.getHeight()), out -> Exports.writePng(img, out)), "");
    }

    private void exportAnimation(int which, boolean frames) {
        Path out = frames ? chooseOut("Export PNG frames (name of the first)", "frame.png", "PNG images", "*.png")
                : chooseOut("Export animated GIF", which == 0 ? "forward.gif" : "reverse.gif", "GIF animation", "*.gif");
        if (out != null) {
            window.startAnimationExport(which, out, frames, 600, 80);
        }
    }

    private void exportHistory() {
        TrainingHistory.Curve c = ex.training.curveProperty().get();
        String unit = ex.mode().units().unit().equals("pixel") ? "image" : ex.mode().units().unit();
        export(new FileExport("Export the K history", "k-history.csv", "CSV", "*.csv", "Exported " + c.size() + " rows of K history",
                out -> Exports.writeHistoryCsv(c, unit, out)), "");
    }

    /** Asks where, then writes off the UI thread and says how it went ({@code none}: why there is nothing to write). */
    private void export(FileExport e, String none) {
        if (e == null) {
            ex.messages.report(none);
        } else {
            FileActions.write(e, owner(), ex.background(), ex.messages::inform, ex.messages::report);
        }
    }
}
