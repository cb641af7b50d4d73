package lab.diffusion.app.display;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/** Which layers the plots show. FX thread. */
public final class DisplayModel {

    public static final int[] GRIDS = {16, 24, 32, 40};

    private final BooleanProperty colorByStart = new SimpleBooleanProperty(true);
    private final BooleanProperty arrows = new SimpleBooleanProperty(true);
    private final BooleanProperty heat = new SimpleBooleanProperty(true);
    private final BooleanProperty ideal = new SimpleBooleanProperty(false);
    private final BooleanProperty backdrop = new SimpleBooleanProperty(true);
    private final IntegerProperty grid = new SimpleIntegerProperty(32);
    private final BooleanProperty alignRows = new SimpleBooleanProperty(true);

    /** Binary mode: shift each row so its first pulse sits in the first column. */
    public BooleanProperty alignRowsProperty() {
        return alignRows;
    }

    public BooleanProperty colorByStartProperty() {
        return colorByStart;
    }

    public BooleanProperty arrowsProperty() {
        return arrows;
    }

    public BooleanProperty heatProperty() {
        return heat;
    }

    public BooleanProperty idealProperty() {
        return ideal;
    }

    public BooleanProperty backdropProperty() {
        return backdrop;
    }

    public IntegerProperty gridProperty() {
        return grid;
    }
}
