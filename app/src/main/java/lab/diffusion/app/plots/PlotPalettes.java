package lab.diffusion.app.plots;

/** Switches the palettes the plots draw with (the heat map is package-private). FX thread. */
public final class PlotPalettes {

    private PlotPalettes() {
    }

    /** The default or the colour-blind-safe heat map. */
    public static void useHeatPalette(boolean colourBlindSafe) {
        HeatColors.usePalette(colourBlindSafe);
    }
}
