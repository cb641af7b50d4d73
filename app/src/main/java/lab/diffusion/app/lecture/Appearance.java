package lab.diffusion.app.lecture;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.PlotPalettes;
import lab.diffusion.app.plots.PlotTheme;
import lab.diffusion.app.plots.PointColors;
import lab.diffusion.app.plots.RenderLoop;

/**
 * How the window looks: the theme (light, dark, high contrast — one CSS file each over the base,
 * and matching canvas colours), the colour-blind-safe palette for points and heat maps, and the
 * large type and thick lines of lecture mode. FX thread.
 */
public final class Appearance {

    public static final List<String> THEMES = List.of("light", "dark", "high-contrast");
    /** Canvas scale in lecture mode. */
    public static final double LECTURE_SCALE = 1.6;

    private final StringProperty theme = new SimpleStringProperty("light");
    private final BooleanProperty colourBlind = new SimpleBooleanProperty();
    private final BooleanProperty lecture = new SimpleBooleanProperty();
    private final List<Scene> scenes = new ArrayList<>();
    private final RenderLoop loop;

    public Appearance(RenderLoop loop) {
        this.loop = loop;
        theme.addListener((o, a, b) -> apply());
        colourBlind.addListener((o, a, b) -> apply());
        lecture.addListener((o, a, b) -> apply());
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public BooleanProperty colourBlindProperty() {
        return colourBlind;
    }

    public BooleanProperty lectureProperty() {
        return lecture;
    }

    /** Styles this scene from now on (the main window, and the windows it opens). */
    public void attach(Scene s) {
        if (!scenes.contains(s)) {
            scenes.add(s);
        }
        style(s);
    }

    /** The stylesheets of the current appearance, base first. */
    public List<String> stylesheets() {
        List<String> css = new ArrayList<>();
        css.add(url("light.css"));
        if (!theme.get().equals("light")) {
            css.add(url(theme.get() + ".css"));
        }
        if (lecture.get()) {
            css.add(url("lecture.css"));
        }
        return css;
    }

    private static String url(String file) {
        return Appearance.class.getResource("/lab/diffusion/app/" + file).toExternalForm();
    }

    /** The canvas theme of the current appearance. */
    public PlotTheme plotTheme() {
        return PlotTheme.named(theme.get(), lecture.get() ? LECTURE_SCALE : 1.0);
    }

    private void style(Scene s) {
        s.getStylesheets().setAll(stylesheets());
    }

    private void apply() {
        PointColors.usePalette(colourBlind.get());
        PlotPalettes.useHeatPalette(colourBlind.get());
        scenes.removeIf(s -> s.getWindow() != null && !s.getWindow().isShowing() && s.getRoot() == null);
        for (Scene s : scenes) {
            style(s);
        }
        PlotTheme t = plotTheme();
        for (PlotCanvas p : loop.plots()) {
            p.setTheme(t);
        }
    }
}
