package lab.diffusion.engine.testutil;

import java.util.function.DoubleUnaryOperator;

/** Finite-difference derivatives for gradient checks. */
public final class FiniteDifference {

    private FiniteDifference() {
    }

    /**
     * Fourth-order central difference [f(−2h) − 8f(−h) + 8f(h) − f(2h)]/(12h): truncation
     * error O(h⁴), so a larger h (less round-off) still gives ~1e-10 accuracy in float64.
     */
    public static double derivative(DoubleUnaryOperator f, double h) {
        return (f.applyAsDouble(-2 * h) - 8 * f.applyAsDouble(-h) + 8 * f.applyAsDouble(h) - f.applyAsDouble(2 * h)) / (12 * h);
    }

    /** |a − b| relative to |a| + |b|, with a floor so exact zeros compare sanely. */
    public static double relativeError(double a, double b, double floor) {
        return Math.abs(a - b) / Math.max(floor, Math.abs(a) + Math.abs(b));
    }
}
