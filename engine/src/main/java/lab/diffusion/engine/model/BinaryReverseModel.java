package lab.diffusion.engine.model;

/**
 * A learned binomial reverse process p(x⁽ᵗ⁻¹⁾=1|x⁽ᵗ⁾) = f_b(x⁽ᵗ⁾, t) per bit for t = 2..T; the
 * t = 1 step is the forward kernel. Engine thread only.
 */
public interface BinaryReverseModel extends TrainableModel {

    /** The base rate p̄ of the forward process (the data's mean rate). */
    double baseRate();

    /** f_b for n sequences (row-major n × D of 0/1) at one t in 1..T; output row-major n × D. */
    void reverse(float[] x, int n, int t, float[] probabilityOfOne);

    @Override
    default Noise noise() {
        return Noise.UNIFORM;
    }
}
