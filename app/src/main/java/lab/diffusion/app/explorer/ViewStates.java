package lab.diffusion.app.explorer;

import lab.diffusion.app.display.DisplayModel;

/** Reads the explorer's view settings into a {@link ViewState} and applies one back. FX thread. */
final class ViewStates {

    private ViewStates() {
    }

    /** The explorer's current layers, grid, theme and palette, with the given mode, t and sample count. */
    static ViewState of(Explorer ex, String mode, int t, int samples) {
        DisplayModel d = ex.display;
        return new ViewState(mode, t, samples, d.colorByStartProperty().get(), d.arrowsProperty().get(), d.heatProperty().get(),
                d.idealProperty().get() && ex.idealAvailableProperty().get(), d.backdropProperty().get(),
                d.alignRowsProperty().get(), d.gridProperty().get(), ex.appearance.themeProperty().get(),
                ex.appearance.colourBlindProperty().get());
    }

    /** Shows {@code v}: layers, grid, theme, palette and t (the sample count is part of the mode's settings). */
    static void apply(ViewState v, Explorer ex) {
        DisplayModel d = ex.display;
        d.colorByStartProperty().set(v.colorByStart());
        d.arrowsProperty().set(v.arrows());
        d.heatProperty().set(v.heat());
        d.idealProperty().set(v.ideal());
        d.backdropProperty().set(v.backdrop());
        d.alignRowsProperty().set(v.alignRows());
        d.gridProperty().set(v.arrowGrid());
        ex.appearance.themeProperty().set(v.theme());
        ex.appearance.colourBlindProperty().set(v.colourBlind());
        ex.timeline.setT(v.t());
    }
}
