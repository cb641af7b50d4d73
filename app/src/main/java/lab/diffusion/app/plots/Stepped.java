package lab.diffusion.app.plots;

/** A plot that shows one step t of a process (0..T). FX thread. */
public interface Stepped {

    void setT(int t);
}
