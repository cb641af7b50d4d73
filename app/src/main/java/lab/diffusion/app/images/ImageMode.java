package lab.diffusion.app.images;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.KUnits;
import lab.diffusion.app.mode.ModeContext;
import lab.diffusion.app.mode.ModeSettings;
import lab.diffusion.app.plots.ConditionPlot;
import lab.diffusion.app.plots.ImageGridPlot;
import lab.diffusion.app.plots.PlotCanvas;
import lab.diffusion.app.schedule.ScheduleModel;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.LatestTask;
import lab.diffusion.app.ui.Percent;
import lab.diffusion.engine.data.ImageFiles;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.live.LiveResults.ConditionKind;
import lab.diffusion.engine.live.LiveResults;
import lab.diffusion.engine.model.GaussianTables;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.process.ForwardDiagnostics;
import lab.diffusion.engine.process.ImagePaths;
import lab.diffusion.engine.schedule.Schedule;
import lab.diffusion.engine.schedule.ScheduleFamily;
import lab.diffusion.engine.schedule.Schedules;
import lab.diffusion.engine.session.Session;

/**
 * Images (digits, dead leaves, a folder): a grid of training images pushed through the forward
 * process, a grid of reverse samples, and inpainting or denoising of one image with several
 * posterior samples, all at the timeline's t. FX thread; loading and forward chains run on the
 * background executor.
 */
public final class ImageMode implements ExplorerMode {

    /** Training images shown in the Forward grid. */
    public static final int FORWARD_IMAGES = 16;
    /** Reverse samples shown. */
    public static final int REVERSE_IMAGES = 16;
    /** Image models in the app: the CLI's defaults (T = 200, 3 hidden layers), narrower so training is live. */
    static final int WIDTH = 256;
    static final int STEPS = 200;

    public final ImageDataModel data = new ImageDataModel();
    public final ConditionModel condition = new ConditionModel();
    public final ImageGridPlot forward = new ImageGridPlot("forward-images", "Forward  q(x⁽ᵗ⁾)");
    public final ImageGridPlot reverse = new ImageGridPlot("reverse-images", "Reverse  p(x⁽ᵗ⁾)");
    public final ConditionPlot conditionPlot = new ConditionPlot();

    private final ModeContext ctx;
    private final ImageDataView view;
    private final ConditionView conditionView;
    private final TitledPane conditionSection;
    private final LatestTask forwardTask;
    private final LatestTask endpointTask;
    private final List<DataChoice> choices = new ArrayList<>();
    private final ConditionRuns runs;
    private LiveResults.Reverse lastReverse;
    private int t;
    /** What the Reverse grid says while it has no samples of the model shown. */
    private String reverseEmpty = "sampling…";

    public ImageMode(ModeContext ctx) {
        this.ctx = ctx;
        this.forwardTask = ctx.background().latest();
        this.endpointTask = ctx.background().latest();
        choices.add(choice(ImageSource.DIGITS, "digits", null));
        choices.add(choice(ImageSource.DEADLEAVES, "deadleaves", null));
        this.view = new ImageDataView(data, (s, folder) -> ctx.select(choice(s, s.name().toLowerCase(), folder)));
        this.runs = new ConditionRuns(this, ctx);
        this.conditionView = new ConditionView(this, ctx.background(), runs::run);
        this.conditionSection = Forms.lazySection("Inpaint & denoise", conditionView);
        conditionSection.setId("condition-section");
        conditionSection.visibleProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                if (b) { // opens the first time images are shown
                    conditionSection.setExpanded(true);
                    conditionSection.visibleProperty().removeListener(this);
                }
            }
        });
        forward.setEmptyText("loading images…");
        reverse.setEmptyText("sampling…");
        conditionPlot.setEmptyText("press Inpaint");
        condition.targetProperty().addListener((o, a, b) -> runs.showInput());
        condition.maskProperty().addListener((o, a, b) -> runs.showInput());
        condition.kindProperty().addListener((o, a, b) -> {
            runs.showInput();
            conditionPlot.setSamples(null, 0);
            conditionPlot.setEmptyText(b == ConditionKind.INPAINT ? "press Inpaint" : "press Denoise");
        });
        data.dataProperty().addListener((o, a, b) -> {
            if (b != null) {
                runs.pickHeldout(condition.heldoutIndexProperty().get());
                ctx.dataChanged(this, true); // other images: a new model
            }
        });
        new MaskPainting(this);
    }

    /** The images of a folder as a data set (they load in the background when chosen). */
    public DataChoice folder(Path folder) {
        return choice(ImageSource.FOLDER, "folder", folder);
    }

    private DataChoice choice(ImageSource s, String id, Path folder) {
        return new DataChoice(this, id, s.label() + " (images)", true,
                () -> data.load(s, folder, ctx.dataSeed(), ctx.background(), m -> ctx.report("Images not loaded: " + m)));
    }

    @Override
    public String id() {
        return "images";
    }

    @Override
    public String label() {
        return "images";
    }

    @Override
    public boolean accepts(PointData d, ModelSpec spec) {
        return d.isImages();
    }

    @Override
    public ModeSettings defaults() {
        return new ModeSettings(ModelSpec.imageDefault(28 * 28, WIDTH), Schedules.create(ScheduleFamily.COSINE, STEPS),
                ScheduleModel.MAX_T, 128, REVERSE_IMAGES);
    }

    @Override
    public List<ModelSpec.Kind> modelKinds() {
        return List.of(ModelSpec.Kind.PAPER, ModelSpec.Kind.DDPM);
    }

    @Override
    public int maxSamples() {
        return 64;
    }

    @Override
    public int samplesStep() {
        return 4;
    }

    @Override
    public List<DataChoice> dataChoices() {
        return choices;
    }

    @Override
    public DataChoice currentChoice() {
        ImageSource s = data.sourceProperty().get();
        return s == ImageSource.FOLDER || data.data() == null ? null : choices.get(s.ordinal());
    }

    // ------------------------------------------------------------------ data

    @Override
    public PointData trainingData() {
        return data.data();
    }

    @Override
    public boolean isLoading() {
        return data.loadingProperty().get() || data.data() == null;
    }

    @Override
    public ModelSpec fitSpec(ModelSpec sp, PointData d, boolean newModel) {
        return sp.dim() == d.dim() ? sp : new ModelSpec(sp.kind(), d.dim(), sp.width(), sp.depth(), sp.activation(), sp.readout(),
                sp.bumps(), sp.meanForm(), sp.ddpmVariance(), sp.embedding(), sp.baseRate(), sp.cleanBitHead());
    }

    @Override
    public double evaluationSeconds() {
        return 10; // 200 held-out images × 200 steps; the trainer caps evaluations at a tenth of its time
    }

    @Override
    public int evaluationExamples() {
        return 200;
    }

    @Override
    public int logLikelihoodExamples() {
        return 100;
    }

    @Override
    public String dataName() {
        return data.data() == null ? "images" : data.data().source();
    }

    @Override
    public KUnits units() {
        int px = data.data() == null ? 28 * 28 : data.data().dim();
        return new KUnits("pixel", px, GaussianTables.nullLogLikelihood(px) / Math.log(2), "L_null (unit Gaussian)", Double.NaN, "");
    }

    @Override
    public PointSet idealReference() {
        return null;
    }

    @Override
    public boolean settled() {
        return true;
    }

    @Override
    public void showSession(PointData d) {
        data.showSession(d);
    }

    @Override
    public void undo() {
    }

    @Override
    public void redo() {
    }

    /** The inpainting and denoising runs. */
    public ConditionRuns runs() {
        return runs;
    }

    @Override
    public void onConditioned(LiveResults.Conditioned c) {
        runs.onConditioned(c);
        ctx.subtitlesChanged();
    }

    // ------------------------------------------------------------------ views

    @Override
    public List<PlotCanvas> plots() {
        return List.of(forward, reverse, conditionPlot);
    }

    @Override
    public Node dataView() {
        return view;
    }

    @Override
    public List<TitledPane> sections() {
        return List.of(conditionSection);
    }

    /** The Inpaint &amp; denoise section. */
    public ConditionView conditionView() {
        return conditionView;
    }

    @Override
    public boolean editsAt(PlotCanvas plot, double x, double y) {
        return plot == conditionPlot && conditionPlot.imageAt(x, y) != null;
    }

    @Override
    public void recomputeForward(Schedule s) {
        PointData d = data.data();
        if (d == null) {
            return;
        }
        long seed = ctx.dataSeed();
        forwardTask.submit(() -> ImagePaths.compute(d, s, FORWARD_IMAGES, seed), states -> {
            forward.setStates(states, d.images().width(), d.images().height());
            forward.setT(t);
            ctx.subtitlesChanged();
        });
    }

    @Override
    public void recomputeEndpoint(Schedule s) {
        PointData d = data.data();
        if (d != null) {
            endpointTask.submit(() -> ForwardDiagnostics.diagonalGaussianEndpointKl(d.train(), s),
                    kl -> ctx.schedule().setEndpointForDims(kl, d.dim()));
        }
    }

    @Override
    public void setT(int t) {
        this.t = t;
        forward.setT(t);
        reverse.setT(t);
        conditionPlot.setT(t);
    }

    @Override
    public void updateSubtitles(int t, Schedule s) {
        int steps = s.steps();
        forward.setSubtitle(String.format("t = %d   ᾱₜ = %.3g   %d training images", t, s.alphaBar(Math.min(t, steps)),
                forward.imageCount()));
        reverse.setSubtitle(reverse.imageCount() == 0 ? reverseEmpty
                : String.format("t = %d   %d samples from noise at T = %d", t, reverse.imageCount(), steps));
        conditionPlot.setSubtitle(conditionPlot.hasSamples() ? String.format("t = %d of %d: the posterior trajectory", t, steps)
                : condition.kindProperty().get() == ConditionKind.INPAINT
                        ? "paint the hole on the input (drag), then Inpaint" : "set the SNR, then Denoise");
    }

    @Override
    public void showLoading(String what) {
        reverseEmpty = what;
        reverse.setEmptyText(what);
        lastReverse = null;
        reverse.setStates(null, data.width(), data.height());
        runs.forget();
    }

    @Override
    public void onReverse(LiveResults.Reverse r) {
        PointData d = data.data();
        if (d == null || r.dim() != d.dim()) {
            return;
        }
        lastReverse = r;
        reverseEmpty = "sampling…";
        reverse.setEmptyText(reverseEmpty);
        reverse.setStates(r.states(), data.width(), data.height());
        reverse.setT(t);
    }

    @Override
    public PointSet shownSamples() {
        return lastReverse == null ? null : PointSet.wrap(lastReverse.states()[0].clone(), lastReverse.dim());
    }

    @Override
    public String caption(int t, Schedule s, boolean trained, double kGain) {
        double signal = Math.sqrt(s.alphaBar(Math.min(t, s.steps())));
        if (t == 0) {
            return "t = 0: the images. Scrub t to watch noise take them over, and the reverse process bring them back.";
        }
        return String.format("t = %d: the forward process has removed %s of the images' signal. %s", t, Percent.of(1 - signal),
                !trained ? "The untrained reverse model only adds noise."
                        : "The reverse samples, run down from pure noise at T = " + s.steps() + ", are at the same t.");
    }

    @Override
    public FileExport samplesExport() {
        PointSet s = shownSamples();
        if (s == null) {
            return null;
        }
        int w = data.width();
        int h = data.height();
        List<float[]> imgs = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            float[] g = new float[w * h];
            s.copyRow(i, g, 0);
            imgs.add(g);
        }
        return new FileExport("Export samples", "samples.png", "PNG image", "*.png", "Exported " + s.size() + " samples",
                out -> ImageFiles.writeGrid(out, imgs, w, h, (int) Math.ceil(Math.sqrt(imgs.size())), 2));
    }

    @Override
    public FileExport dataExport() {
        return null;
    }

    @Override
    public PlotCanvas comparePlot(String title) {
        return new ImageGridPlot("compare-images", title);
    }

    @Override
    public void showCompared(PlotCanvas plot, float[][] states, Session run) {
        ((ImageGridPlot) plot).setStates(states, run.data().images().width(), run.data().images().height());
    }
}
