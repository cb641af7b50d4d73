package lab.diffusion.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.diffusion.app.export.Exports;
import lab.diffusion.app.export.GifExport;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.session.Demos;

/** The menu bar: File (sessions, recent files, exports), Demos and Help. */
final class AppMenu {

    private final Explorer ex;
    private final SessionController sessions;
    private final MainWindow window;

    AppMenu(Explorer ex, SessionController sessions, MainWindow window) {
        this.ex = ex;
        this.sessions = sessions;
        this.window = window;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), view(), demos(), help());
        bar.setId("menu-bar");
        // the menu titles are buttons of the bar's skin: give them tooltips once it exists
        java.util.Map<String, String> tips = java.util.Map.of("File", "Open, save and export sessions, pictures and tables.",
                "View", "Theme, colour-blind palette, lecture mode, captions, slow motion, full screen.",
                "Demos", "Open a pretrained session at once (no training needed).",
                "Help", "The keyboard map and what Diffusion Lab is.");
        bar.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Node n : bar.lookupAll(".menu")) {
                if (n instanceof javafx.scene.control.Labeled l && tips.containsKey(l.getText())) {
                    javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(tips.get(l.getText()));
                    t.setShowDelay(javafx.util.Duration.millis(350));
                    l.setTooltip(t);
                }
            }
        }));
        return bar;
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    private static MenuItem item(String text, String id, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private Menu file() {
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : sessions.recent()) {
                recent.getItems().add(item(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()), null, null,
                        () -> openAsking(p)));
            }
            if (java.nio.file.Files.exists(sessions.recoveryFile())) {
                if (!recent.getItems().isEmpty()) {
                    recent.getItems().add(new SeparatorMenuItem());
                }
                recent.getItems().add(item("Last autosave", "menu-open-autosave", null, () -> openAsking(sessions.recoveryFile())));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        fillRecent.run();
        sessions.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        recent.setOnShowing(e -> fillRecent.run());

        Menu export = new Menu("Export");
        export.setId("menu-export");
        export.getItems().addAll(
                item("Figure (the three plots) as PNG…", "export-figure", null, () -> exportPng(-1)),
                item("Forward plot as PNG…", "export-plot-1", null, () -> exportPng(0)),
                item("Reverse plot as PNG…", "export-plot-2", null, () -> exportPng(1)),
                item("Third plot as PNG…", "export-plot-3", null, () -> exportPng(2)),
                new SeparatorMenuItem(),
                item("Forward process as animated GIF…", "export-gif-forward", null, () -> exportAnimation(0, false)),
                item("Reverse process as animated GIF…", "export-gif-reverse", null, () -> exportAnimation(1, false)),
                item("Reverse process as PNG frames…", "export-frames", null, () -> exportAnimation(1, true)),
                new SeparatorMenuItem(),
                item("Samples as CSV…", "export-samples", null, this::exportSamples),
                item("Data as CSV…", "export-data", null, this::exportData),
                item("K history as CSV…", "export-history", null, this::exportHistory));

        Menu m = new Menu("File");
        m.setId("menu-file");
        m.getItems().addAll(
                item("Open…", "menu-open", "Shortcut+O", this::chooseOpen),
                recent,
                new SeparatorMenuItem(),
                item("Save", "menu-save", "Shortcut+S", this::save),
                item("Save As…", "menu-save-as", "Shortcut+Shift+S", this::chooseSaveAs),
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                item("Quit", "menu-quit", "Shortcut+Q", () -> {
                    Window w = owner();
                    if (w != null) {
                        w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                    }
                }));
        return m;
    }

    private Menu demos() {
        Menu m = new Menu("Demos");
        m.setId("menu-demos");
        List<Demos.Demo> all = Demos.available();
        for (Demos.Demo d : all) {
            MenuItem i = item(d.title(), "demo-" + d.name(), null, () -> {
                if (ex.confirmDiscardForOpen("Opening the demo '" + d.title() + "'")) {
                    sessions.openDemo(d.name());
                }
            });
            m.getItems().add(i);
        }
        if (all.isEmpty()) {
            MenuItem none = new MenuItem("(no demos in this build)");
            none.setDisable(true);
            m.getItems().add(none);
        }
        return m;
    }

    private Menu view() {
        Menu m = new Menu("View");
        m.setId("menu-view");
        var ap = window.appearance();
        Menu theme = new Menu("Theme");
        javafx.scene.control.ToggleGroup g = new javafx.scene.control.ToggleGroup();
        for (String t : lab.diffusion.app.lecture.Appearance.THEMES) {
            javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(
                    t.equals("high-contrast") ? "High contrast" : Character.toUpperCase(t.charAt(0)) + t.substring(1));
            r.setId("theme-" + t);
            r.setToggleGroup(g);
            r.setSelected(ap.themeProperty().get().equals(t));
            r.setOnAction(e -> ap.themeProperty().set(t));
            ap.themeProperty().addListener((o, a, b) -> r.setSelected(b.equals(t)));
            theme.getItems().add(r);
        }
        javafx.scene.control.CheckMenuItem safe = new javafx.scene.control.CheckMenuItem("Colour-blind-safe palette");
        safe.setId("menu-colour-blind");
        safe.selectedProperty().bindBidirectional(ap.colourBlindProperty());
        javafx.scene.control.CheckMenuItem lecture = new javafx.scene.control.CheckMenuItem("Lecture mode   (L)");
        lecture.setId("menu-lecture");
        lecture.selectedProperty().bindBidirectional(ap.lectureProperty());
        javafx.scene.control.CheckMenuItem captions = new javafx.scene.control.CheckMenuItem("Captions   (C)");
        captions.setId("menu-captions");
        captions.selectedProperty().bindBidirectional(window.captionsProperty());
        javafx.scene.control.CheckMenuItem slow = new javafx.scene.control.CheckMenuItem("Slow motion   (S)");
        slow.setId("menu-slow");
        slow.selectedProperty().bindBidirectional(window.slowMotionProperty());
        MenuItem full = item("Full screen   (F)", "menu-full-screen", null, () -> {
            Window w = owner();
            if (w instanceof javafx.stage.Stage st) {
                st.setFullScreen(!st.isFullScreen());
            }
        });
        m.getItems().addAll(theme, safe, new SeparatorMenuItem(), lecture, captions, slow, full);
        return m;
    }

    private Menu help() {
        Menu m = new Menu("Help");
        m.setId("menu-help");
        m.getItems().add(item("Keyboard map   (?)", "menu-keys", null, window::toggleKeyMap));
        m.getItems().add(item("About Diffusion Lab", "menu-about", null, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Diffusion Lab explores diffusion probabilistic models as introduced by "
                    + "Sohl-Dickstein, Weiss, Maheswaranathan and Ganguli, \"Deep Unsupervised Learning using Nonequilibrium "
                    + "Thermodynamics\" (ICML 2015).", ButtonType.OK);
            a.setHeaderText("Diffusion Lab");
            a.initOwner(owner());
            a.show();
        }));
        return m;
    }

    // ------------------------------------------------------------------ sessions

    private FileChooser sessionChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
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
            openAsking(f.toPath());
        }
    }

    private void openAsking(Path p) {
        if (ex.confirmDiscardForOpen("Opening " + p.getFileName())) {
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
        fc.setInitialFileName(cur == null ? "session.dlab" : cur.getFileName().toString());
        File f = fc.showSaveDialog(owner());
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().contains(".")) {
                p = p.resolveSibling(p.getFileName() + ".dlab");
            }
            sessions.saveAs(p);
        }
    }

    // ------------------------------------------------------------------ exports

    private Path chooseOut(String title, String name, String description, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = fc.showSaveDialog(owner());
        return f == null ? null : f.toPath();
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
        Path out = chooseOut("Export PNG", which < 0 ? "figure.png" : "plot.png", "PNG image", "*.png");
        if (out == null) {
            return;
        }
        List<PlotCanvas> plots = which < 0 ? ex.shownPlots() : List.of(ex.shownPlots().get(which));
        var img = which < 0 ? Exports.figure(plots, scale) : Exports.awt(plots.get(0).render(scale));
        writeLater("Exported " + out.getFileName() + String.format(" (%d×%d)", img.getWidth(), img.getHeight()), () -> Exports.writePng(img, out));
    }

    /** Writes off the UI thread and reports the outcome. */
    private void writeLater(String success, IoAction action) {
        Thread t = new Thread(() -> {
            try {
                action.run();
                javafx.application.Platform.runLater(() -> ex.inform(success));
            } catch (java.io.IOException e) {
                javafx.application.Platform.runLater(() -> ex.report("Not exported: " + e.getMessage()));
            }
        }, "diffusion-lab-export");
        t.setDaemon(true);
        t.start();
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws java.io.IOException;
    }

    private void exportAnimation(int which, boolean frames) {
        Path out = frames ? chooseOut("Export PNG frames (name of the first)", "frame.png", "PNG images", "*.png")
                : chooseOut("Export animated GIF", which == 0 ? "forward.gif" : "reverse.gif", "GIF animation", "*.gif");
        if (out == null) {
            return;
        }
        window.startAnimationExport(which, out, frames, 600, 80);
    }

    private void exportSamples() {
        PointSet s = ex.shownSamples();
        if (s == null) {
            ex.report("There are no samples yet.");
            return;
        }
        if (ex.mode() == Explorer.Mode.IMAGES) {
            Path out = chooseOut("Export samples", "samples.png", "PNG image", "*.png");
            if (out != null) {
                int w = ex.images.data.width();
                int h = ex.images.data.height();
                java.util.List<float[]> imgs = new java.util.ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    float[] g = new float[w * h];
                    s.copyRow(i, g, 0);
                    imgs.add(g);
                }
                writeLater("Exported " + s.size() + " samples to " + out.getFileName(),
                        () -> lab.diffusion.engine.data.ImageFiles.writeGrid(out, imgs, w, h, (int) Math.ceil(Math.sqrt(imgs.size())), 2));
            }
            return;
        }
        Path out = chooseOut("Export samples", "samples.csv", "CSV", "*.csv");
        if (out != null) {
            boolean bin = ex.mode() == Explorer.Mode.BINARY;
            writeLater("Exported " + s.size() + " samples to " + out.getFileName(), () -> {
                if (bin) {
                    BinaryData.writeCsv(out, s);
                } else {
                    PointCsv.write(out, s);
                }
            });
        }
    }

    private void exportData() {
        Path out = chooseOut("Export data", "data.csv", "CSV", "*.csv");
        if (out == null) {
            return;
        }
        switch (ex.mode()) {
            case BINARY -> writeLater("Exported the sequences to " + out.getFileName(), () -> ex.binary.data.exportCsv(out));
            case IMAGES -> ex.report("Image data are not exported as CSV; save the session to keep them.");
            default -> writeLater("Exported the points to " + out.getFileName(), () -> ex.data.exportCsv(out));
        }
    }

    private void exportHistory() {
        Path out = chooseOut("Export the K history", "k-history.csv", "CSV", "*.csv");
        if (out != null) {
            var c = ex.training.curveProperty().get();
            String unit = ex.mode() == Explorer.Mode.BINARY ? "sequence" : ex.mode() == Explorer.Mode.IMAGES ? "image" : "sample";
            writeLater("Exported " + c.size() + " rows of K history to " + out.getFileName(), () -> Exports.writeHistoryCsv(c, unit, out));
        }
    }
}
