package lab.diffusion.app.points;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.KUnits;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.mode.ModeSettings;
import lab.diffusion.app.plots.DriftPlot;
import lab.diffusion.app.plots.ForwardPlot;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.plots.PointColors;
import lab.diffusion.app.plots.ReversePlot;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.app.ui.LatestTask;
import lab.diffusion.app.ui.Percent;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointCsv;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;
import lab.diffusion.engine.data.Standardizer;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.GaussianTables;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.process.ForwardPaths;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.session.Session;

/**
 * 2D points, the paper's Figure 1: the data (a preset, a drawing, a CSV) pushed through the
 * forward process, reverse samples from noise, and the learned drift field over a heat map of
 * the learned variance, all at the timeline's t. Points are drawn on the Forward plot. FX thread;
 * forward paths are computed on the background executor.
 */
public final class PointsMode implements ExplorerMode {

    /** True log-likelihood of the swiss roll preset (paper-math §4), the ceiling for K. */
    public static final double SWISSROLL_LOGLIK_BITS = Preset.SWISSROLL_LOGLIK_BITS;

    public final DataModel data = new DataModel();
    public final ForwardPlot forwardPlot;
    public final ReversePlot reversePlot;
    public final DriftPlot driftPlot;

    private final ModeContext ctx;
    private final PointsPlots plots;
    private final DataView view;
    private final PointsDrawing drawing;
    private final LatestTask forwardTask;
    private final LatestTask endpointTask;
    private final List<DataChoice> choices = new ArrayList<>();
    private float[][] forwardStates;
    private PointSet idealReference;
    private int followIndex = -1;

    public PointsMode(ModeContext ctx) {
        this.ctx = ctx;
        this.plots = new PointsPlots(this, ctx);
        this.forwardPlot = plots.forward;
        this.reversePlot = plots.reverse;
        this.driftPlot = plots.drift;
        this.view = new DataView(data, ctx.background(), this::dataExport);
        this.drawing = new PointsDrawing(this, ctx);
        this.forwardTask = ctx.background().latest();
        this.endpointTask = ctx.background().latest();
        for (Preset p : Preset.values()) {
            choices.add(new DataChoice(this, p.id(), p.label(), false, () -> data.loadPreset(p)));
        }
        data.loadPreset(Preset.SWISSROLL);
        data.pointsProperty().addListener((o, a, b) -> {
            follow(-1);
            ctx.dataChanged(this, false);
        });
        data.boundsVersionProperty().addListener((o, a, b) -> plots.refitWorld(data.points(), data.standardizer()));
        plots.refitWorld(data.points(), data.standardizer());
    }

    // ------------------------------------------------------------------ what it is

    @Override
    public String id() {
        return "points";
    }

    @Override
    public String label() {
        return "2D points";
    }

    @Override
    public boolean accepts(PointData d, ModelSpec spec) {
        return !d.isImages() && spec.kind() != ModelSpec.Kind.BINOMIAL && d.dim() == 2;
    }

    @Override
    public ModeSettings defaults() {
        return new ModeSettings(ModelSpec.paperDefault(2), Schedules.create(ScheduleFamily.LOGSNR, 40), ScheduleModel.MAX_T, 512,
                2000);
    }

    @Override
    public List<ModelSpec.Kind> modelKinds() {
        return List.of(ModelSpec.Kind.PAPER, ModelSpec.Kind.DDPM);
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
        return choices;
    }

    @Override
    public DataChoice currentChoice() {
        Preset p = data.presetProperty().get();
        return p == null ? null : choices.get(p.ordinal());
    }

    // ------------------------------------------------------------------ data

    @Override
    public PointData trainingData() throws DataException {
        return data.toPointData();
    }

    @Override
    public String problem() {
        int n = data.points().size();
        return n >= DataModel.MIN_TRAIN_POINTS ? "" : "Draw or load at least " + DataModel.MIN_TRAIN_POINTS + " points to train (there "
                + (n == 1 ? "is 1" : "are " + n) + ").";
    }

    @Override
    public boolean isLoading() {
        return false;
    }

    @Override
    public ModelSpec fitSpec(ModelSpec spec, PointData d, boolean newModel) {
        return spec;
    }

    @Override
    public double evaluationSeconds() {
        return 5;
    }

    @Override
    public int evaluationExamples() {
        return 2000;
    }

    @Override
    public int logLikelihoodExamples() {
        return 1000;
    }

    @Override
    public String dataName() {
        String s = data.sourceProperty().get();
        return s.isEmpty() ? "drawing" : s;
    }

    @Override
    public KUnits units() {
        boolean swiss = data.presetProperty().get() == Preset.SWISSROLL;
        return new KUnits("sample", 1, GaussianTables.nullLogLikelihood(2) / Math.log(2), "L_null (unit Gaussian)",
                swiss ? SWISSROLL_LOGLIK_BITS : Double.NaN, swiss ? "true log-likelihood ≈ −0.946 (the ceiling)" : "");
    }

    @Override
    public PointSet idealReference() {
        return idealReference;
    }

    @Override
    public boolean settled() {
        return data.presetProperty().get() != null;
    }

    @Override
    public void showSession(PointData d) {
        Preset p = Preset.find(d.source());
        PointSet shown = p != null ? p.generate(DataModel.PRESET_POINTS, ctx.dataSeed())
                : d.standardizer().invert(d.train().head(DataModel.MAX_POINTS));
        data.showSession(shown, d.source(), p, d);
    }

    @Override
    public void undo() {
        data.undo();
    }

    @Override
    public void redo() {
        data.redo();
    }

    // ------------------------------------------------------------------ views

    @Override
    public List<PlotCanvas> plots() {
        return plots.all();
    }

    @Override
    public Node dataView() {
        return view;
    }

    /** The Data section (tests import through it). */
    public DataView view() {
        return view;
    }

    @Override
    public List<TitledPane> sections() {
        return List.of();
    }

    @Override
    public boolean editsAt(PlotCanvas plot, double x, double y) {
        return plot == forwardPlot && data.toolProperty().get() != Tool.FOLLOW;
    }

    /** The plotted region of the point plots (data units: xMin, xMax, yMin, yMax). */
    public double[] world() {
        return plots.world();
    }

    @Override
    public void recomputeForward(Schedule s) {
        PointSet pts = data.points();
        Standardizer st = data.standardizer();
        long seed = ctx.dataSeed();
        forwardTask.submit(() -> {
            float[][] states = ForwardPaths.compute(pts, st, s, seed);
            return new Forward(states, PointColors.byAngle(states[0], pts.size()));
        }, f -> {
            forwardStates = f.states();
            forwardPlot.setStates(f.states(), f.colors());
            ctx.subtitlesChanged();
        });
        Preset p = data.presetProperty().get();
        idealReference = p == null ? null : p.standardizer().apply(p.generate(3000, 99));
        if (idealReference == null) {
            ctx.display().idealProperty().set(false);
        }
    }

    private record Forward(float[][] states, PointColors colors) {
    }

    @Override
    public void recomputeEndpoint(Schedule s) {
        PointSet pts = data.points();
        PointSet std = pts.size() >= 2 ? data.standardizer().apply(pts) : null;
        endpointTask.submit(() -> ScheduleModel.endpointKl(std, s), kl -> ctx.schedule().setEndpoint(kl));
    }

    @Override
    public void setT(int t) {
        plots.setT(t);
    }

    @Override
    public void updateSubtitles(int t, Schedule s) {
        plots.updateSubtitles(t, s);
    }

    @Override
    public void showLoading(String what) {
        plots.showLoading(what);
        follow(-1);
    }

    @Override
    public void onReverse(LiveResults.Reverse r) {
        plots.onReverse(r);
    }

    @Override
    public void onDrift(LiveResults.Drift d) {
        driftPlot.setDrift(d);
    }

    @Override
    public void onFollow(LiveResults.Follow f) {
        if (f.index() == followIndex) {
            reversePlot.setFollowPath(f.reversePath());
        }
    }

    @Override
    public PointSet shownSamples() {
        return plots.samples();
    }

    @Override
    public String caption(int t, Schedule s, boolean trained, double kGain) {
        int steps = s.steps();
        double signal = Math.sqrt(s.alphaBar(Math.min(t, steps)));
        Preset p = data.presetProperty().get();
        String what = p == Preset.SWISSROLL ? "the roll" : p == null ? "the drawing" : "the data";
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
        return String.format("t = %d: the forward process has removed %s of the signal. %s", t, Percent.of(1 - signal), drift);
    }

    @Override
    public FileExport samplesExport() {
        PointSet s = shownSamples();
        return s == null ? null : new FileExport("Export samples", "samples.csv", "CSV", "*.csv",
                "Exported " + s.size() + " samples", out -> PointCsv.write(out, s));
    }

    @Override
    public FileExport dataExport() {
        PointSet p = data.points();
        return new FileExport("Export data", "data.csv", "CSV", "*.csv", "Exported " + p.size() + " points",
                out -> PointCsv.write(out, p));
    }

    @Override
    public PlotCanvas comparePlot(String title) {
        ReversePlot r = new ReversePlot();
        r.setTitle(title);
        double[] world = plots.world();
        r.setWorld(world[0], world[1], world[2], world[3]);
        r.setEqualAspect(true);
        return r;
    }

    @Override
    public void showCompared(PlotCanvas plot, float[][] states, Session run) {
        ((ReversePlot) plot).setStates(states);
    }

    // ------------------------------------------------------------------ following a point

    /** Follows shown point i (−1 stops): its forward path at once, a reverse path from the engine. */
    public void follow(int i) {
        followIndex = i;
        if (i < 0 || forwardStates == null || i >= forwardStates[0].length / 2) {
            followIndex = -1;
            forwardPlot.setFollowPath(null);
            reversePlot.setFollowPath(null);
            return;
        }
        float[] path = ForwardPaths.path(forwardStates, i);
        forwardPlot.setFollowPath(path);
        reversePlot.setFollowPath(null);
        ctx.engine().requestFollow(i, path);
    }

    public int followedIndex() {
        return followIndex;
    }

    /** The drawing and following on the Forward plot. */
    public PointsDrawing drawing() {
        return drawing;
    }
}
