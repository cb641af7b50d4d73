package lab.diffusion.app.lecture;

import lab.diffusion.app.Explorer;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.schedule.Schedule;

/** One or two sentences of what the plots show at the current t, for lectures and slow motion. */
public final class Captions {

    private Captions() {
    }

    public static String at(Explorer ex) {
        int t = ex.timeline.t();
        Schedule s = ex.schedule.schedule();
        int steps = s.steps();
        boolean trained = ex.training.stepProperty().get() > 0;
        double kGain = ex.training.kMinusLnullProperty().get() / Math.max(1, ex.training.perUnitProperty().get());
        switch (ex.mode()) {
            case BINARY -> {
                double kept = s.alphaBar(Math.min(t, steps));
                if (t == 0) {
                    return "t = 0: the data — each row is a heartbeat, a 1 every fifth bin.";
                }
                return String.format("t = %d: %.0f %% of the original bits survive, the rest are Bernoulli(p̄) noise. %s", t, 100 * kept,
                        !trained ? "The reverse model is untrained: its rows stay noise."
                                : kGain > 5 ? "The learned reverse process turns noise back into regular beats."
                                : "The reverse process is still learning where the beats are.");
            }
            case IMAGES -> {
                double signal = Math.sqrt(s.alphaBar(Math.min(t, steps)));
                if (t == 0) {
                    return "t = 0: the images. Scrub t to watch noise take them over, and the reverse process bring them back.";
                }
                return String.format("t = %d: the forward process has removed %.0f %% of the images' signal. %s", t, 100 * (1 - signal),
                        !trained ? "The untrained reverse model only adds noise."
                                : "The reverse samples, run down from pure noise at T = " + steps + ", are at the same t.");
            }
            default -> {
                double signal = Math.sqrt(s.alphaBar(Math.min(t, steps)));
                String what = ex.data.presetProperty().get() == Preset.SWISSROLL ? "the roll"
                        : ex.data.presetProperty().get() == null ? "the drawing" : "the data";
                if (t == 0) {
                    return String.format("t = 0: the data. The reverse samples have come all the way back from noise%s.",
                            trained ? "" : " (the model is untrained, so they are still noise)");
                }
                if (t >= steps) {
                    return String.format("t = T = %d: only %.1f %% of the signal is left; the reverse process starts from N(0, I) here.",
                            steps, 100 * signal);
                }
                String drift = !trained ? "The untrained drift only shrinks points toward the centre, as the forward kernel does."
                        : kGain > 1.5 ? "The learned drift points back toward " + what + "."
                        : "The drift is starting to point toward " + what + "; training goes on.";
                return String.format("t = %d: the forward process has removed %.0f %% of the signal. %s", t, 100 * (1 - signal), drift);
            }
        }
    }
}
