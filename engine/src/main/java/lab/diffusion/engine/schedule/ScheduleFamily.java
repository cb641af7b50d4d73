package lab.diffusion.engine.schedule;

import java.util.Locale;

/** The β schedule families of paper-math §2 (custom and learned schedules come later). */
public enum ScheduleFamily {
    /** The released code's default: 1/linspace(T, 2, T), β₁ raised by 0.001, floor 1e-6. */
    PAPER("paper", "Paper default"),
    /** βₜ = 1/(T−t+1): removes a fixed 1/T of the original signal per step. */
    ERASURE("erasure", "Constant erasure"),
    /** DDPM linear, 1e-4…0.02 at T = 1000, both ends scaled by 1000/T. */
    LINEAR("linear", "Linear"),
    /** Nichol &amp; Dhariwal cosine ᾱ, s = 0.008, β capped at 0.999. */
    COSINE("cosine", "Cosine"),
    /** Log-SNR linear in t from logit(1−1e-5) to logit(0.005). */
    LOGSNR("logsnr", "Log-SNR linear");

    private final String id;
    private final String label;

    ScheduleFamily(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Short name used on the command line and in session files. */
    public String id() {
        return id;
    }

    /** Name shown to people. */
    public String label() {
        return label;
    }

    /** Parses a command-line or session id; throws with the list of valid names. */
    public static ScheduleFamily parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ScheduleFamily f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + text + "' (choose one of: " + ids() + ")");
    }

    /** Comma-separated list of all ids. */
    public static String ids() {
        StringBuilder b = new StringBuilder();
        for (ScheduleFamily f : values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(f.id);
        }
        return b.toString();
    }
}
