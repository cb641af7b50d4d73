package lab.diffusion.app.points;

/** What a mouse press on the data plot does. Immutable. */
public enum Tool {
    FOLLOW("Follow", "Click a point to draw its forward path and a reverse path from where it ends."),
    SPRAY("Spray", "Drag to spray points; brush size and density below."),
    POINT("Point", "Click to add one point."),
    ERASE("Erase", "Drag to remove the points under the brush.");

    private final String label;
    private final String help;

    Tool(String label, String help) {
        this.label = label;
        this.help = help;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    @Override
    public String toString() {
        return label;
    }
}
