package lab.diffusion.app.plots;

import lab.diffusion.engine.objective.BoundReport;
import javafx.scene.canvas.GraphicsContext;

/** E[KL] per step t (bits) from the latest held-out evaluation: which steps are still unlearned. FX thread. */
public final class KlBars extends PlotCanvas {

    private double[] klBits;
    private int hoverT = -1;

    public KlBars() {
        setId("kl-bars");
        setTitle("KL per step t (bits)");
        setPadding(46, 36, 10, 28);
        setAxisLabels("t", "");
        setSubtitle("evaluated on held-out data while training");
        setOnMouseMoved(e -> {
            Viewport v = viewport();
            hoverT = -1;
            if (v != null && klBits != null && v.contains(e.getX(), e.getY())) {
                hoverT = (int) Math.round(v.wx(e.getX()));
                if (hoverT >= 2 && hoverT < klBits.length) {
                    setSubtitle(String.format("t = %d:  E[KL] = %.4f bits", hoverT, klBits[hoverT]));
                }
            }
        });
    }

    public void setReport(BoundReport r, int steps) {
        if (r == null) {
            klBits = null;
            setWorld(0.5, steps + 0.5, 0, 1);
            setSubtitle("evaluated on held-out data while training");
            return;
        }
        double[] kl = r.klPerT();
        klBits = new double[kl.length];
        double max = 1e-3;
        for (int t = 0; t < kl.length; t++) {
            klBits[t] = kl[t] / Math.log(2);
            max = Math.max(max, klBits[t]);
        }
        setWorld(0.5, kl.length - 0.5, 0, max * 1.1);
        int worst = 2;
        for (int t = 2; t < kl.length; t++) {
            if (klBits[t] > klBits[worst]) {
                worst = t;
            }
        }
        setSubtitle(String.format("largest at t = %d (%.3f bits)", worst, klBits[worst]));
    }

    @Override
    protected void paintContent(GraphicsContext g, Viewport v) {
        if (klBits == null) {
            return;
        }
        double w = Math.max(1, v.width() / (klBits.length) * 0.8);
        for (int t = 2; t < klBits.length; t++) {
            g.setFill(t == hoverT ? theme.accent2 : theme.accent);
            double top = v.sy(klBits[t]);
            g.fillRect(v.sx(t) - w / 2, top, w, v.top() + v.height() - top);
        }
    }
}
