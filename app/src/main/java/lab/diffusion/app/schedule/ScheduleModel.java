package lab.diffusion.app.schedule;

import java.util.Arrays;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.process.ForwardDiagnostics;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;

/**
 * The β schedule: family and T, the schedule they make, and how close x⁽ᵀ⁾ gets to noise. FX thread; the static endpoint measurements run on any thread.
 */
public final class ScheduleModel {

    /** Largest T offered for 2D points (the forward view keeps every step of every point). */
    public static final int MAX_T = 1000;
    /** Largest T offered for binary sequences (64 rows of ≤ 64 bits per step). */
    public static final int MAX_T_BINARY = 5000;

    private final IntegerProperty maxSteps = new SimpleIntegerProperty(MAX_T);

    /** The largest T allowed now (depends on the kind of data). */
    public IntegerProperty maxStepsProperty() {
        return maxSteps;
    }

    // Properties
    private final ReadOnlyObjectWrapper<Schedule> schedule = new ReadOnlyObjectWrapper<>(Schedules.create(ScheduleFamily.LOGSNR, 40));
    private final ReadOnlyDoubleWrapper endpointKl = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");

    public ReadOnlyObjectProperty<Schedule> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    public Schedule schedule() {
        return schedule.get();
    }

    public int steps() {
        return schedule.get().steps();
    }

    public ScheduleFamily family() {
        return schedule.get().family();
    }

    /** KL (nats) of the Gaussian fitted to x⁽ᵀ⁾ against N(0, I). */
    public ReadOnlyDoubleProperty endpointKlProperty() {
        return endpointKl.getReadOnlyProperty();
    }

    /** One line about x⁽ᵀ⁾. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** Non-empty when the schedule does not reach noise. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    // Commands

    /**
     * Checks a family and T without applying them.
     *
     * @return null if valid, otherwise a sentence saying what is wrong
     */
    public String validate(ScheduleFamily f, int steps) {
        if (f == null) {
            return "Choose a schedule family.";
        }
        if (steps < 2 || steps > maxSteps.get()) {
            return "T must be between 2 and " + maxSteps.get() + " (got " + steps + ").";
        }
        return null;
    }

    /** Applies an exact schedule (e.g. one opened from a session). */
    public void setSchedule(Schedule s) {
        if (s.steps() > maxSteps.get()) {
            maxSteps.set(s.steps());
        }
        if (!Arrays.equals(s.betas(), schedule().betas()) || s.family() != family()) {
            schedule.set(s);
        }
    }

    /** The schedule a model with this one would start from (a learned schedule's start is itself). */
    public boolean isLearned() {
        return family() == ScheduleFamily.LEARNED;
    }

    /** Applies a valid family and T (see {@link #validate}). */
    public void set(ScheduleFamily f, int steps) {
        String problem = validate(f, steps);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (f == family() && steps == steps()) {
            return;
        }
        schedule.set(Schedules.create(f, steps));
    }

    /**
     * Shows the endpoint KL computed (off the UI thread) for the current schedule, or NaN when
     * there are no data.
     */
    public void setEndpoint(double kl) {
        setEndpoint(kl, false);
    }

    /** As {@link #setEndpoint(double)}; for binary data the reference is Bernoulli(p̄)^D. */
    public void setEndpoint(double kl, boolean binary) {
        setEndpoint(kl, binary, ForwardDiagnostics.NOT_NOISE_NATS);
    }

    /**
     * For high-dimensional data (images): the warning threshold grows with the dimension,
     * {@link ForwardDiagnostics#NOT_NOISE_NATS} per two dimensions, since a total KL of a fraction
     * of a nat spread over 784 pixels does not show in samples.
     */
    public void setEndpointForDims(double kl, int dims) {
        setEndpoint(kl, false, ForwardDiagnostics.NOT_NOISE_NATS * Math.max(1.0, dims / 2.0));
    }

    private void setEndpoint(double kl, boolean binary, double threshold) {
        Schedule s = schedule();
        double ab = s.alphaBar(s.steps());
        endpointKl.set(kl);
        if (Double.isNaN(kl)) {
            readout.set(String.format("ᾱ_T = %.3g (no data to measure x⁽ᵀ⁾)", ab));
            warning.set("");
            return;
        }
        String target = binary ? "Bernoulli(p̄)ᴰ" : "N(0, I)";
        readout.set(binary
                ? String.format("KL(q(x⁽ᵀ⁾) ‖ %s) ≈ %.4f nats%nsignal left γ_T = %.3g", target, Math.max(0, kl), ab)
                : String.format("KL(q(x⁽ᵀ⁾) ‖ %s) ≈ %.4f nats%nsignal left √ᾱ_T = %.3g", target, Math.max(0, kl), Math.sqrt(ab)));
        warning.set(kl > threshold
                ? String.format("x⁽ᵀ⁾ is still far from %s (KL ≈ %.2f nats): this schedule does not reach noise.", target, kl)
                : "");
    }

    /** Computes the endpoint KL for binary rows (any thread). */
    public static double binaryEndpointKl(PointSet rows, Schedule s, double baseRate) {
        return rows == null || rows.size() < 1 ? Double.NaN : ForwardDiagnostics.binaryEndpointKl(rows, s, baseRate, 2000, 11);
    }

    /** Computes the endpoint KL for standardized data and this model's schedule (any thread). */
    public static double endpointKl(PointSet standardized, Schedule s) {
        return standardized == null || standardized.size() < 2 ? Double.NaN
                : ForwardDiagnostics.endpointKl(standardized, s, 2000, 11);
    }
}
