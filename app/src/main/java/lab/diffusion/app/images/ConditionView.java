package lab.diffusion.app.images;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.diffusion.engine.live.LiveResults.ConditionKind;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.FileActions;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;
import lab.diffusion.engine.data.ImageFiles;

/**
 * The Inpaint &amp; denoise section: the image to work on, the mask tools (brush size, paint or
 * erase, invert, clear, quick masks), the denoising SNR, the number of samples and Run.
 * FX thread; files are read on the background executor.
 */
public final class ConditionView extends VBox {

    private final ImageMode mode;
    private final Background background;
    private final MessageLabel message = new MessageLabel("condition-message");
    private final Runnable run;

    /** @param run starts a run (the image mode hands it to the engine) */
    public ConditionView(ImageMode mode, Background background, Runnable run) {
        super(8);
        this.mode = mode;
        this.background = background;
        this.run = run;
        ConditionModel m = mode.condition;

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton inpaint = kindButton("Inpaint", ConditionKind.INPAINT, kinds,
                "Fill the painted hole with samples of the model given the rest of the image (known pixels clamped at every step).");
        ToggleButton denoise = kindButton("Denoise", ConditionKind.DENOISE, kinds,
                "Add Gaussian noise of the chosen SNR, then sample clean images given the noisy one (each step times N(y; x, 1/SNR)).");
        inpaint.setId("kind-inpaint");
        denoise.setId("kind-denoise");
        kinds.selectToggle(m.kindProperty().get() == ConditionKind.INPAINT ? inpaint : denoise);
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                kinds.selectToggle(a); // one is always chosen
            } else {
                m.kindProperty().set((ConditionKind) b.getUserData());
            }
        });

        Spinner<Integer> heldout = Forms.intSpinner(1, 100_000, 1, 1, this::say);
        heldout.setId("heldout-index");
        Forms.tip(heldout, "Which held-out image to work on (never trained on).");
        heldout.valueProperty().addListener((o, a, b) -> {
            if (b != m.heldoutIndexProperty().get() + 1) {
                mode.runs().pickHeldout(b - 1);
            }
        });
        m.heldoutIndexProperty().addListener((o, a, b) -> heldout.getValueFactory().setValue(b.intValue() + 1));
        Button open = Forms.tip(new Button("Open image…"), "Use your own PNG or JPEG: converted to grey and resized to the model's size "
                + "(the file is never modified).");
        open.setId("open-target");
        open.setOnAction(e -> chooseFile());
        Label target = Forms.note("");
        target.setId("target-name");
        target.textProperty().bind(Bindings.createStringBinding(() -> "Working on: " + m.targetNameProperty().get(),
                m.targetNameProperty()));

        Slider brush = new Slider(0.5, 8, m.brushProperty().get());
        brush.setId("mask-brush");
        brush.valueProperty().bindBidirectional(m.brushProperty());
        Forms.tip(brush, "Brush radius in image pixels; drag on the input image to paint the hole.");
        ToggleButton erase = Forms.tip(new ToggleButton("Erase"), "Drag to mark pixels as known again instead of painting the hole.");
        erase.setId("mask-erase");
        erase.selectedProperty().bindBidirectional(m.erasingProperty());
        Button invert = Forms.tip(new Button("Invert"), "Swap hole and known pixels.");
        invert.setId("mask-invert");
        invert.setOnAction(e -> m.invert());
        Button clear = Forms.tip(new Button("Clear"), "No hole: every pixel known.");
        clear.setId("mask-clear");
        clear.setOnAction(e -> m.clear());
        Button left = Forms.tip(new Button("Left half"), "The left half is the hole (the figure the paper-style test uses).");
        left.setId("mask-left");
        left.setOnAction(e -> m.leftHalf());
        Button centre = Forms.tip(new Button("Centre square"), "A centred square of half the side is the hole.");
        centre.setId("mask-centre");
        centre.setOnAction(e -> m.centreSquare());
        Label holes = Forms.note("");
        holes.setId("hole-count");
        holes.textProperty().bind(Bindings.createStringBinding(() -> String.format("Hole: %d of %d pixels", m.holePixelsProperty().get(),
                m.width() * m.height()), m.holePixelsProperty()));
        FlowPane maskTools = new FlowPane(6, 6, erase, invert, clear, left, centre);
        GridPane brushRow = Forms.grid();
        Forms.row(brushRow, "Brush", brush);
        VBox maskBox = new VBox(6, brushRow, maskTools, holes);
        maskBox.visibleProperty().bind(m.kindProperty().isEqualTo(ConditionKind.INPAINT));
        maskBox.managedProperty().bind(maskBox.visibleProperty());

        Slider snr = new Slider(-1, 2, Math.log10(m.snrProperty().get()));
        snr.setId("denoise-snr");
        Forms.tip(snr, "Signal-to-noise ratio of the noisy observation, 0.1 to 100 (log scale): noise variance 1/SNR in units where the "
                + "images have unit variance.");
        snr.valueProperty().addListener((o, a, b) -> m.snrProperty().set(Math.pow(10, b.doubleValue())));
        Label snrValue = new Label();
        snrValue.textProperty().bind(Bindings.createStringBinding(() -> String.format("SNR %.2g", m.snrProperty().get()), m.snrProperty()));
        GridPane snrRow = Forms.grid();
        Forms.row(snrRow, "Noise", snr);
        VBox snrBox = new VBox(4, snrRow, snrValue);
        snrBox.visibleProperty().bind(m.kindProperty().isEqualTo(ConditionKind.DENOISE));
        snrBox.managedProperty().bind(snrBox.visibleProperty());

        Spinner<Integer> samples = Forms.intSpinner(1, 16, m.samplesProperty().get(), 1, this::say);
        samples.setId("condition-samples");
        Forms.tip(samples, "Posterior samples drawn at once (their mean is shown too).");
        samples.valueProperty().addListener((o, a, b) -> m.samplesProperty().set(b));
        Button go = new Button();
        go.setId("run-condition");
        go.getStyleClass().add("accent-button");
        go.textProperty().bind(Bindings.createStringBinding(() -> m.kindProperty().get() == ConditionKind.INPAINT
                ? "Inpaint" : "Denoise", m.kindProperty()));
        Forms.tip(go, "Run the reverse process conditioned on the image with the current model; scrub t to watch the trajectory.");
        go.setOnAction(e -> run.run());
        Label status = Forms.note("");
        status.setId("condition-status");
        status.textProperty().bind(mode.runs().statusProperty());

        GridPane form = Forms.grid();
        Forms.row(form, "Held-out", heldout);
        Forms.row(form, "Samples", samples);
        getChildren().addAll(new HBox(6, inpaint, denoise), form, new HBox(6, open), target, maskBox, snrBox, go, status, message);
    }

    private static ToggleButton kindButton(String text, ConditionKind k, ToggleGroup g, String tip) {
        ToggleButton b = Forms.tip(new ToggleButton(text), tip);
        b.setUserData(k);
        b.setToggleGroup(g);
        return b;
    }

    public void say(String text) {
        message.say(text);
    }

    /**
     * Loads the person's own image as the target, decoding off the UI thread; a bad file leaves
     * the current target and says why. The future completes on the FX thread (true if loaded).
     */
    public CompletableFuture<Boolean> loadFile(Path file) {
        int w = mode.data.width();
        int h = mode.data.height();
        return FileActions.read(file, background, () -> ImageFiles.read(file, w, h), l -> {
            mode.condition.setTarget(l.grey(), w, h, file.getFileName().toString());
            mode.conditionPlot.setSamples(null, 0);
            message.inform(l.notes().isEmpty() ? "" : "Note: " + String.join("; ", l.notes()) + ".");
        }, message, "Not opened");
    }

    private void chooseFile() {
        FileChooser fc = FileActions.chooser("Open an image to inpaint or denoise");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG or JPEG", "*.png", "*.jpg", "*.jpeg"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            FileActions.remember(f.toPath());
            loadFile(f.toPath());
        }
    }
}
