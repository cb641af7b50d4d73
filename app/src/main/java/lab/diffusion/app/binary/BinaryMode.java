package lab.diffusion.app.binary;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseButton;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.KUnits;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.mode.ModeSettings;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.RasterPlot;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.app.ui.LatestTask;
import lab.diffusion.app.ui.Percent;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.process.BinaryPaths;
import lab.diffusion.engine.process.BinomialProcess;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.session.Session;

/**
 * Binary sequences, the paper's Figure 2: sequences × bins rasters of the forward process, the
 * reverse samples and the next reverse step's probabilities, at one t. A click on the Forward
 * raster flips a bit of the data. FX thread; forward paths on the background executor.
 */
public final class BinaryMode implements ExplorerMode {

    public final BinaryDataModel data = new BinaryDataModel();
    public final RasterPlot forward = new RasterPlot("forward-raster", "Forward  q(x⁽ᵗ⁾)", false);
    public final RasterPlot reverse = new RasterPlot("reverse-raster", "Reverse  p(x⁽ᵗ⁾)", false);
    public final RasterPlot probability = new RasterPlot("probability-raster", "Next reverse step  f_b(x⁽ᵗ⁾, t)", true);

    private final ModeContext ctx;
    private final BinaryDataView view;
    private final LatestTask forwardTask;
    private final LatestTask endpointTask;
    private final DataChoice heartbeat;
    private LiveResults.Reverse lastReverse;
    private String loading = "sampling…";
    private int t;

    public BinaryMode(ModeContext ctx) {
        this.ctx = ctx;
        this.view = new BinaryDataView(data, ctx.background(), this::dataExport);
        this.forwardTask = ctx.background().latest();
        this.endpointTask = ctx.background().latest();
        this.heartbeat = new DataChoice(this, "heartbeat", "Heartbeat (binary)", false, data::loadHeartbeat);
        setAlign(ctx.display().alignRowsProperty().get());
        ctx.display().alignRowsProperty().addListener((o, a, b) -> setAlign(b));
        data.rowsProperty().addListener((o, a, b) -> ctx.dataChanged(this, false));
        forward.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                toggleCellAt(e.getX(), e.getY());
            }
        });
    }

    @Override
    public String id() {
        return "binary";
    }

    @Override
    public String label() {
        return "binary sequences";
    }

    @Override
    public boolean accepts(PointData d, ModelSpec spec) {
        return !d.isImages() && spec.kind() == ModelSpec.Kind.BINOMIAL;
    }

    @Override
    public ModeSettings defaults() {
        return new ModeSettings(ModelSpec.binomialDefault(BinaryData.HEARTBEAT_BITS, 0.2, 20),
                Schedules.create(ScheduleFamily.ERASURE, 2000), ScheduleModel.MAX_T_BINARY, 512, 64);
    }

    @Override
    public List<ModelSpec.Kind> modelKinds() {
        return List.of(ModelSpec.Kind.BINOMIAL);
    }

    @Override
    public int maxSamples() {
        return 5000;
    }

    @Override
    public int samplesStep() {
        return 100;
    }

    @Override
    public List<DataChoice> dataChoices() {
        return List.of(heartbeat);
    }

    @Override
    public DataChoice currentChoice() {
        return data.untouchedHeartbeatProperty().get() ? heartbeat : null;
    }

    // ------------------------------------------------------------------ data

    @Override
    public PointData trainingData() throws DataException {
        return data.toPointData();
    }

    @Override
    public boolean isLoading() {
        return false;
    }

    /** The dimension of the rows; a new model takes the data's base rate (later edits keep it: the forward process stays). */
    @Override
    public ModelSpec fitSpec(ModelSpec sp, PointData d, boolean newModel) {
        if (!newModel && sp.dim() == d.dim()) {
            return sp;
        }
        return new ModelSpec(sp.kind(), d.dim(), sp.width(), sp.depth(), sp.activation(), sp.readout(), sp.bumps(), sp.meanForm(),
                sp.ddpmVariance(), sp.embedding(), BinaryData.baseRate(d.train()), sp.cleanBitHead());
    }

    @Override
    public double evaluationSeconds() {
        return 10; // T = 2000 steps make each sequence 50 times dearer than a 2D point
    }

    @Override
    public int evaluationExamples() {
        return 200;
    }

    @Override
    public int logLikelihoodExamples() {
        return 0; // importance sampling is for Gaussian models
    }

    @Override
    public String dataName() {
        return data.sourceProperty().get();
    }

    /** The base rate of the shown rows (0.2 for the heartbeat), clamped into (0, 1). */
    public double baseRate() {
        double r = BinaryData.baseRate(data.rows());
        return Math.min(0.999, Math.max(0.001, r));
    }

    /** −K of a perfect model: log₂ 5 for the heartbeat, else the entropy of the shown rows, in bits. */
    public double optimumBits() {
        return data.untouchedHeartbeatProperty().get() ? -Math.log(5) / Math.log(2) : -BinaryData.empiricalEntropyBits(data.rows());
    }

    @Override
    public KUnits units() {
        return new KUnits("sequence", 1, -data.rows().dim() * BinomialProcess.entropy(baseRate()) / Math.log(2),
                "L_null (Bernoulli(p̄) bits)", optimumBits(), String.format("optimum %.3f (entropy of the data)", optimumBits()));
    }

    @Override
    public PointSet idealReference() {
        return null;
    }

    @Override
    public boolean settled() {
        return data.untouchedHeartbeatProperty().get();
    }

    @Override
    public void showSession(PointData d) {
        boolean isHeartbeat = "heartbeat".equals(d.source());
        PointSet shown = isHeartbeat ? BinaryData.heartbeat(BinaryDataModel.HEARTBEAT_ROWS, 1)
                : d.train().head(BinaryDataModel.MAX_ROWS);
        data.showSession(shown, d.source(), isHeartbeat, d);
    }

    @Override
    public void undo() {
        data.undo();
    }

    @Override
    public void redo() {
        data.redo();
    }

    /** Flips the bit under a point of the Forward raster (t jumps to 0: the data are t = 0). */
    public void toggleCellAt(double sx, double sy) {
        int[] cell = forward.cellAt(sx, sy);
        if (cell == null) {
            return;
        }
        if (ctx.t() != 0) {
            ctx.setT(0);
        }
        data.toggle(cell[0], cell[1]);
    }

    // ------------------------------------------------------------------ views

    @Override
    public List<PlotCanvas> plots() {
        return List.of(forward, reverse, probability);
    }

    @Override
    public Node dataView() {
        return view;
    }

    /** The Data section (tests import through it). */
    public BinaryDataView view() {
        return view;
    }

    @Override
    public List<TitledPane> sections() {
        return List.of();
    }

    @Override
    public boolean editsAt(PlotCanvas plot, double x, double y) {
        return plot == forward;
    }

    @Override
    public void recomputeForward(Schedule s) {
        PointSet rows = data.rows();
        BinomialProcess q = new BinomialProcess(s, baseRate());
        long seed = ctx.dataSeed();
        forwardTask.submit(() -> BinaryPaths.compute(rows, q, seed), states -> {
            forward.setStates(states, rows.dim());
            forward.setT(t);
            ctx.subtitlesChanged();
        });
    }

    @Override
    public void recomputeEndpoint(Schedule s) {
        PointSet rows = data.rows();
        double rate = baseRate();
        endpointTask.submit(() -> ScheduleModel.binaryEndpointKl(rows, s, rate), kl -> ctx.schedule().setEndpoint(kl, true));
    }

    @Override
    public void setT(int t) {
        this.t = t;
        forward.setT(t);
        reverse.setT(t);
    }

    private void setAlign(boolean a) {
        forward.setAlign(a);
        reverse.setAlign(a);
        probability.setAlign(a);
    }

    @Override
    public void updateSubtitles(int t, Schedule s) {
        int steps = s.steps();
        forward.setSubtitle(String.format("t = %d   signal left γₜ = %.3g   %d sequences", t, s.alphaBar(Math.min(t, steps)),
                forward.rowCount()));
        reverse.setSubtitle(lastReverse == null ? loading : String.format("t = %d   %d samples from noise at T = %d", t,
                reverse.rowCount(), steps));
        probability.setSubtitle(t == 0 ? "t = 0: the samples are finished"
                : String.format("step %d → %d: black = certain 1, white = certain 0", Math.max(1, t), Math.max(1, t) - 1));
    }

    @Override
    public void showLoading(String what) {
        loading = what;
        lastReverse = null;
        reverse.setStates(null, data.rows().dim());
        probability.setValues(null, data.rows().dim(), null);
    }

    @Override
    public void onReverse(LiveResults.Reverse r) {
        if (r.dim() != data.rows().dim()) {
            return;
        }
        lastReverse = r;
        loading = "sampling…";
        reverse.setStates(r.states(), r.dim());
        reverse.setT(t);
    }

    @Override
    public void onProbabilities(LiveResults.Probabilities p) {
        if (lastReverse != null && p.t() < lastReverse.states().length && p.bits() == lastReverse.dim()) {
            probability.setValues(p.prob(), p.bits(), lastReverse.states()[0]);
        }
    }

    @Override
    public PointSet shownSamples() {
        return lastReverse == null ? null : PointSet.wrap(lastReverse.states()[0].clone(), lastReverse.dim());
    }

    @Override
    public String caption(int t, Schedule s, boolean trained, double kGain) {
        double kept = s.alphaBar(Math.min(t, s.steps()));
        if (t == 0) {
            return "t = 0: the data — each row is a heartbeat, a 1 every fifth bin.";
        }
        return String.format("t = %d: %s of the original bits survive, the rest are Bernoulli(p̄) noise. %s", t, Percent.of(kept),
                !trained ? "The reverse model is untrained: its rows stay noise."
                        : kGain > 5 ? "The learned reverse process turns noise back into regular beats."
                        : "The reverse process is still learning where the beats are.");
    }

    @Override
    public FileExport samplesExport() {
        PointSet s = shownSamples();
        return s == null ? null : new FileExport("Export samples", "samples.csv", "CSV", "*.csv",
                "Exported " + s.size() + " sampled sequences", out -> BinaryData.writeCsv(out, s));
    }

    @Override
    public FileExport dataExport() {
        PointSet rows = data.rows();
        return new FileExport("Export data", "sequences.csv", "CSV", "*.csv", "Exported " + rows.size() + " sequences",
                out -> BinaryData.writeCsv(out, rows));
    }

    @Override
    public PlotCanvas comparePlot(String title) {
        return new RasterPlot("compare-raster", title, false);
    }

    @Override
    public void showCompared(PlotCanvas plot, float[][] states, Session run) {
        ((RasterPlot) plot).setStates(states, run.model().dim());
    }
}
