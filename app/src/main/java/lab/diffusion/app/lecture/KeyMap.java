package lab.diffusion.app.lecture;

import java.util.List;

/** Every key of the window and what it does (the overlay and the tests read this list). Immutable; any thread. */
public final class KeyMap {

    /** A key (as shown) and its action. */
    public record Key(String keys, String action) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("Space", "play / pause the timeline"),
            new Key("← / →", "move t back / forward by T/40 (Shift: one step)"),
            new Key("Home / End", "t = 0 / t = T"),
            new Key("+ / −", "play faster / slower (0.25× … 4×)"),
            new Key("T", "train / pause"),
            new Key("R", "reset the model (asks first)"),
            new Key("1 / 2 / 3", "enlarge the Forward / Reverse / third plot (again: all three)"),
            new Key("0", "show all three plots"),
            new Key("S", "slow motion: one step every two seconds, with captions"),
            new Key("C", "captions on / off"),
            new Key("L", "lecture mode on / off (large type, full screen)"),
            new Key("F", "full screen on / off"),
            new Key("?", "this keyboard map"),
            new Key("Esc", "close this map, leave slow motion"),
            new Key("Ctrl+Z / Ctrl+Y", "undo / redo a drawing"),
            new Key("Ctrl+O / Ctrl+S", "open / save a session"));

    private KeyMap() {
    }
}
