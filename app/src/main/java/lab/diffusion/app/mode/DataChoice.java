package lab.diffusion.app.mode;

/**
 * A data set a person can pick from the toolbar or the command line ({@code --data ID}): which
 * mode shows it, its id and label, whether loading it starts a new model (asking before training
 * is discarded), and how the mode loads it. Immutable.
 */
public record DataChoice(ExplorerMode mode, String id, String label, boolean newModel, Runnable load) {

    @Override
    public String toString() {
        return label;
    }
}
