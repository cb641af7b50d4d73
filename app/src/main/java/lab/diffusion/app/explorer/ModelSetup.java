package lab.diffusion.app.explorer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.mode.KUnits;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.LatestTask;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.PointData;
import lab.diffusion.engine.live.LiveEngine;
import lab.diffusion.engine.live.LiveSetup;
import lab.diffusion.engine.model.ModelSpec;
import lab.diffusion.engine.train.TrainConfig;

/**
 * From the data on screen to the model the engine trains: redraws what depends on the data
 * when they change, then sets the model up again — at once for a new data set or an untouched
 * preset, after a short pause while a person draws — keeping the weights when only the data
 * changed. Set-ups are held back while a switch or an open applies its settings. FX thread.
 */
final class ModelSetup {

    /** How long drawing must pause before the model trains on the new points. */
    static final long SETTLE_MILLIS = 250;

    private final Explorer ex;
    private final LiveEngine engine;
    private final LatestTask settle;
    private final ObjectProperty<DataChoice> choice = new SimpleObjectProperty<>();
    private final BooleanProperty idealAvailable = new SimpleBooleanProperty();
    private long sampleSeed = 7;
    /** Above 0 while a switch or an open applies its settings. */
    private int held;

    ModelSetup(Explorer ex, LiveEngine engine, Background background) {
        this.ex = ex;
        this.engine = engine;
        this.settle = background.debounced(SETTLE_MILLIS);
    }

    ReadOnlyObjectProperty<DataChoice> choiceProperty() {
        return choice;
    }

    ReadOnlyBooleanProperty idealAvailableProperty() {
        return idealAvailable;
    }

    void setSampleSeed(long seed) {
        sampleSeed = seed;
    }

    /** Holds set-ups back (and drops a pending one) until {@link #release()}. */
    void hold() {
        held++;
        settle.cancel();
    }

    void release() {
        held--;
    }

    boolean held() {
        return held > 0;
    }

    void cancelPending() {
        settle.cancel();
    }

    /** The data of {@code m} changed: if it is on screen, redraw, then set the model up (at once or after a pause). */
    void dataChanged(ExplorerMode m, boolean newModel) {
        if (held() || m != ex.mode()) {
            return;
        }
        refresh();
        String problem = m.problem();
        if (!problem.isEmpty()) {
            settle.cancel();
            ex.trainer.setCanTrain(false);
            if (ex.training.runningProperty().get()) {
                ex.trainer.pause();
            }
            ex.messages.report(problem);
        } else if (newModel || m.settled()) {
            settle.cancel();
            setUp(!newModel);
            ex.trainer.loaded();
        } else {
            settle.submit(() -> setUp(true));
        }
    }

    /** Redraws the forward process, the endpoint readout, K's units and the subtitles for the current data. */
    void refresh() {
        ExplorerMode m = ex.mode();
        m.recomputeForward(ex.schedule.schedule());
        m.recomputeEndpoint(ex.schedule.schedule());
        KUnits u = m.units();
        ex.training.perUnitProperty().set(u.perUnit());
        ex.trainer.kChart.setUnit(u.unit(), u.lnullLabel());
        ex.trainer.klBars.setUnit(u.perUnit() > 1 ? "image" : u.unit()); // the bars are per sample: a whole image
        ex.trainer.kChart.setScale(u.perUnit());
        ex.trainer.kChart.setReferences(u.lnullBits(), u.referenceBits(), u.referenceLabel());
        idealAvailable.set(m.idealReference() != null);
        choice.set(m.currentChoice());
        ex.updateSubtitles();
    }

    /**
     * Sets the model up for the current data: with {@code keepWeights} (and the same
     * architecture and schedule) the engine keeps training the model it has, else a fresh model
     * replaces it (the old run goes to the run history).
     */
    void setUp(boolean keepWeights) {
        if (held()) {
            return;
        }
        ExplorerMode m = ex.mode();
        PointData pd;
        try {
            pd = m.trainingData();
        } catch (DataException e) {
            ex.trainer.setCanTrain(false);
            ex.messages.report(e.getMessage());
            return;
        }
        if (pd == null) {
            ex.trainer.setCanTrain(false); // still loading; the load finishing sets the model up
            return;
        }
        ModelSpec spec = ex.training.specProperty().get();
        boolean fresh = !keepWeights || spec.dim() != pd.dim();
        ModelSpec fitted = m.fitSpec(spec, pd, fresh);
        if (!fitted.equals(spec)) {
            ex.training.specProperty().set(fitted);
            fresh = true;
        }
        LiveSetup next = setup(pd);
        fresh |= !engine.keeps(next); // e.g. the schedule changed while the data could not be trained on
        ex.trainer.setCanTrain(true);
        ex.messages.clearUnlessAboutTraining();
        if (fresh) {
            ex.trainer.archiveCurrentRun();
            ex.trainer.newModel(ex.schedule.schedule());
            m.showLoading("sampling…");
            ex.updateSubtitles();
        }
        engine.configure(next, !fresh);
    }

    /** What the engine trains: these data with the current schedule, model, training and sampling settings. */
    LiveSetup setup(PointData pd) {
        ExplorerMode m = ex.mode();
        var t = ex.training;
        TrainConfig cfg = new TrainConfig(t.optimizerProperty().get(), t.learningRateProperty().get(), t.batchSizeProperty().get(),
                t.seedProperty().get(), m.evaluationSeconds(), m.evaluationExamples());
        return new LiveSetup(pd, ex.schedule.schedule(), t.specProperty().get(), cfg, t.seedProperty().get(), m.idealReference(),
                ex.samplesProperty().get(), sampleSeed);
    }
}
