package lab.diffusion.app.window;

import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.lecture.Appearance;
import lab.diffusion.app.session.SessionController;
import lab.diffusion.engine.session.Demos;

/** The menu bar: File (sessions, recent files, exports), View, Demos and Help. FX thread. */
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
        MenuBar bar = new MenuBar(new FileMenu(ex, sessions, window).build(), view(), demos(), help());
        bar.setId("menu-bar");
        // the menu titles are buttons of the bar's skin: give them tooltips once it exists
        Map<String, String> tips = Map.of("File", "Open, save and export sessions, pictures and tables.",
                "View", "Theme, colour-blind palette, lecture mode, captions, slow motion, full screen.",
                "Demos", "Open a pretrained session at once (no training needed).",
                "Help", "The keyboard map and what Diffusion Lab is.");
        bar.skinProperty().addListener((o, a, b) -> Platform.runLater(() -> {
            for (Node n : bar.lookupAll(".menu")) {
                if (n instanceof Labeled l && tips.containsKey(l.getText())) {
                    Tooltip t = new Tooltip(tips.get(l.getText()));
                    t.setShowDelay(Duration.millis(350));
                    l.setTooltip(t);
                }
            }
        }));
        return bar;
    }

    static MenuItem item(String text, String id, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private Menu demos() {
        Menu m = new Menu("Demos");
        m.setId("menu-demos");
        List<Demos.Demo> all = Demos.available();
        for (Demos.Demo d : all) {
            m.getItems().add(item(d.title(), "demo-" + d.name(), null, () -> {
                if (ex.trainer.allowDiscard("Opening the demo '" + d.title() + "'")) {
                    sessions.openDemo(d.name());
                }
            }));
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
        Appearance ap = ex.appearance;
        Menu theme = new Menu("Theme");
        ToggleGroup g = new ToggleGroup();
        for (String t : Appearance.THEMES) {
            RadioMenuItem r = new RadioMenuItem(t.equals("high-contrast") ? "High contrast" : Character.toUpperCase(t.charAt(0)) + t.substring(1));
            r.setId("theme-" + t);
            r.setToggleGroup(g);
            r.setSelected(ap.themeProperty().get().equals(t));
            r.setOnAction(e -> ap.themeProperty().set(t));
            ap.themeProperty().addListener((o, a, b) -> r.setSelected(b.equals(t)));
            theme.getItems().add(r);
        }
        CheckMenuItem safe = new CheckMenuItem("Colour-blind-safe palette");
        safe.setId("menu-colour-blind");
        safe.selectedProperty().bindBidirectional(ap.colourBlindProperty());
        CheckMenuItem lecture = new CheckMenuItem("Lecture mode   (L)");
        lecture.setId("menu-lecture");
        lecture.selectedProperty().bindBidirectional(ap.lectureProperty());
        CheckMenuItem captions = new CheckMenuItem("Captions   (C)");
        captions.setId("menu-captions");
        captions.selectedProperty().bindBidirectional(window.captionsProperty());
        CheckMenuItem slow = new CheckMenuItem("Slow motion   (S)");
        slow.setId("menu-slow");
        slow.selectedProperty().bindBidirectional(window.slowMotionProperty());
        MenuItem full = item("Full screen   (F)", "menu-full-screen", null, () -> {
            if (window.getScene() != null && window.getScene().getWindow() instanceof Stage st) {
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
            a.initOwner(window.getScene() == null ? null : window.getScene().getWindow());
            a.show();
        }));
        return m;
    }
}
