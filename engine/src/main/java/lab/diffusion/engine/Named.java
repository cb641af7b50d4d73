package lab.diffusion.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An option with a short id used on the command line and in session files. */
public interface Named {

    /** The id (lower case, no spaces). */
    String id();

    /**
     * The constant of {@code type} whose id matches {@code text} (case and dashes ignored).
     *
     * @throws IllegalArgumentException naming {@code what} and the valid ids
     */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "' (choose one of: " + ids(type) + ")");
    }

    /** Comma-separated ids of all constants. */
    static <E extends Enum<E> & Named> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::id).collect(Collectors.joining(", "));
    }
}
