package lab.diffusion.engine.schedule;

import lab.diffusion.engine.Named;

/** The β schedule families of paper-math §2, and custom (drawn) and learned schedules. */
public enum ScheduleFamily implements Named {
    /** The released code's default: 1/linspace(T, 2, T), β₁ raised by 0.001, floor 1e-6. */
    PAPER("paper", "Paper default"),
    /** βₜ = 1/(T−t+1): removes a fixed 1/T of the original signal per step. */
    ERASURE("erasure", "Constant erasure"),
    /** DDPM linear, 1e-4…0.02 at T = 1000, both ends scaled by 1000/T. */
    LINEAR("linear", "Linear"),
    /** Nichol &amp; Dhariwal cosine ᾱ, s = 0.008, β capped at 0.999. */
    COSINE("cosine", "Cosine"),
    /** Log-SNR linear in t from logit(1−1e-5) to logit(0.005). */
    LOGSNR("logsnr", "Log-SNR linear"),
    /** Drawn by a person: knots of log β, ᾱ or log-SNR over t, interpolated monotonically. */
    CUSTOM("custom", "Custom (drawn)"),
    /** β₂…β_T trained with the model by gradient ascent on K (paper §2.4.1), from a starting schedule. */
    LEARNED("learned", "Learned");

    private final String id;
    private final String label;

    ScheduleFamily(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Short name used on the command line and in session files. */
    @Override
    public String id() {
        return id;
    }

    /** Name shown to people. */
    public String label() {
        return label;
    }

    /** The families {@link Schedules#create} builds from T alone. */
    public static ScheduleFamily[] standard() {
        return new ScheduleFamily[] {PAPER, ERASURE, LINEAR, COSINE, LOGSNR};
    }

    /** True for the families {@link Schedules#create} builds from T alone. */
    public boolean isStandard() {
        return this != CUSTOM && this != LEARNED;
    }

    public static ScheduleFamily parse(String text) {
        return Named.parse(ScheduleFamily.class, text, "schedule");
    }

    /** Comma-separated list of all ids. */
    public static String ids() {
        return Named.ids(ScheduleFamily.class);
    }
}
