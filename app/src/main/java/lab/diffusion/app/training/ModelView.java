package lab.diffusion.app.training;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.engine.model.ModelSpec;

/** The Model section: architecture of the reverse model, applied with a button. FX thread. */
public final class ModelView extends VBox {

    private final ChoiceBox<ModelSpec.Kind> kind = choice(ModelSpec.Kind.values(),
            k -> k == ModelSpec.Kind.PAPER ? "Paper μ,Σ" : k == ModelSpec.Kind.DDPM ? "DDPM ε" : "Binomial");
    private final Label message = Forms.note("");
    private final Spinner<Integer> width = Forms.intSpinner(8, 512, 128, 8, this::say);
    private final Spinner<Integer> depth = Forms.intSpinner(1, 6, 3, 1, this::say);
    private final ChoiceBox<ModelSpec.Readout> readout = choice(ModelSpec.Readout.values(),
            r -> r == ModelSpec.Readout.BUMPS ? "Gaussian bumps" : r == ModelSpec.Readout.EMBEDDING ? "Time embedding" : "One per step");
    private final Spinner<Integer> bumps = Forms.intSpinner(2, 50, 10, 1, this::say);
    private final ChoiceBox<ModelSpec.MeanForm> mean = choice(ModelSpec.MeanForm.values(),
            m -> m == ModelSpec.MeanForm.CODE ? "Released code" : m == ModelSpec.MeanForm.EQ65 ? "Paper eq. 65" : "Eq. 65, residual");
    private final ChoiceBox<ModelSpec.DdpmVariance> variance = choice(ModelSpec.DdpmVariance.values(),
            v -> v == ModelSpec.DdpmVariance.POSTERIOR ? "β̃ₜ (posterior)" : "βₜ");
    private final ChoiceBox<Boolean> head = choice(new Boolean[] {true, false}, b -> b ? "Clean bit" : "Kernel correction");
    private final Button apply = new Button("Apply architecture");
    private boolean syncing;
    private final TrainingModel model;

    /** @param request applies a spec; false if refused (the form then shows the current model) */
    public ModelView(TrainingModel model, Predicate<ModelSpec> request) {
        super(8);
        this.model = model;
        kind.getItems().setAll(ModelSpec.Kind.PAPER, ModelSpec.Kind.DDPM);
        kind.setId("model-kind");
        Forms.tip(kind, "Paper: learned mean and variance f_μ, f_Σ with a temporal readout. DDPM: predicts ε, fixed variance.");
        width.setId("model-width");
        Forms.tip(width, "Hidden units per layer.");
        depth.setId("model-depth");
        Forms.tip(depth, "Number of hidden tanh layers.");
        Forms.tip(readout, "How time enters the paper model: J normalized Gaussian bumps gⱼ(t), a separate readout per step, "
                + "or a sinusoidal embedding of t fed to the network with x.");
        Forms.tip(bumps, "Number of temporal bumps J (paper code: 10).");
        Forms.tip(mean, "Mean of the paper model: released code f_μ = √(1−βₜ)x + √βₜ z_μ; eq. 65 f_μ = (x − z_μ)(1 − f_Σ) + z_μ; "
                + "or eq. 65 with z_μ = x + network output, f_μ = x + f_Σ·z_μ (the network predicts the way to the clean value).");
        Forms.tip(variance, "Fixed reverse variance of the DDPM model: the posterior variance β̃ₜ or βₜ (the two entropy bounds).");
        head.setId("model-head");
        Forms.tip(head, "Binomial readout. Clean bit: the network gives the probability that each clean bit is 1 and the reverse "
                + "step mixes the two exact posteriors q(x⁽ᵗ⁻¹⁾|x⁽ᵗ⁾, x⁽⁰⁾ = 0 or 1). Kernel correction: the network adds to the "
                + "logit of the forward kernel, so the untrained model is the forward process (K = L_null). The clean-bit head "
                + "starts below L_null, learns to read x⁽ᵗ⁾ after a few thousand steps and then gets much closer to the optimum.");
        Forms.tip(apply, "Build a new model with these settings (training so far is discarded; you are asked first).");
        apply.setId("apply-model");

        GridPane form = Forms.grid();
        Forms.row(form, "Model", kind);
        Forms.row(form, "Width", width);
        Forms.row(form, "Depth", depth);
        Forms.row(form, "Readout", readout);
        Forms.row(form, "Bumps J", bumps);
        Forms.row(form, "Mean", mean);
        Forms.row(form, "DDPM var.", variance);
        Forms.row(form, "Binomial head", head);
        message.getStyleClass().add("error-text");
        message.setId("model-message");
        say("");
        getChildren().addAll(form, apply, message);

        show(model.specProperty().get());
        model.specProperty().addListener((o, a, b) -> show(b));
        Runnable dirty = () -> {
            if (!syncing) {
                apply.setDisable(current().equals(model.specProperty().get()));
            }
        };
        kind.valueProperty().addListener((o, a, b) -> {
            dirty.run();
            enable();
        });
        readout.valueProperty().addListener((o, a, b) -> {
            dirty.run();
            enable();
        });
        for (var p : new ObservableValue<?>[] {width.valueProperty(), depth.valueProperty(),
            bumps.valueProperty(), mean.valueProperty(), variance.valueProperty(), head.valueProperty()}) {
            p.addListener((o, a, b) -> dirty.run());
        }
        apply.setOnAction(e -> {
            if (!request.test(current())) {
                show(model.specProperty().get());
            }
        });
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    private ModelSpec current() {
        return TrainingModel.spec(model.specProperty().get(), kind.getValue(), width.getValue(), depth.getValue(),
                readout.getValue(), bumps.getValue(), mean.getValue(), variance.getValue(), head.getValue());
    }

    /** The model kinds offered (paper and DDPM for points; binomial for binary data). */
    public void setKinds(List<ModelSpec.Kind> kinds) {
        syncing = true;
        try {
            kind.getItems().setAll(kinds);
            kind.setValue(model.specProperty().get().kind());
        } finally {
            syncing = false;
        }
    }

    private void show(ModelSpec s) {
        syncing = true;
        try {
            kind.setValue(s.kind());
            width.getValueFactory().setValue(s.width());
            depth.getValueFactory().setValue(s.depth());
            readout.setValue(s.readout());
            bumps.getValueFactory().setValue(s.bumps());
            mean.setValue(s.meanForm());
            variance.setValue(s.ddpmVariance());
            head.setValue(s.kind() != ModelSpec.Kind.BINOMIAL || s.cleanBitHead());
            apply.setDisable(true);
            enable();
        } finally {
            syncing = false;
        }
    }

    private void enable() {
        boolean paper = kind.getValue() == ModelSpec.Kind.PAPER;
        List<ModelSpec.Readout> readouts = paper ? List.of(ModelSpec.Readout.values())
                : List.of(ModelSpec.Readout.BUMPS, ModelSpec.Readout.PER_STEP);
        if (!readout.getItems().equals(readouts)) {
            ModelSpec.Readout keep = readout.getValue();
            readout.getItems().setAll(readouts);
            readout.setValue(readouts.contains(keep) ? keep : ModelSpec.Readout.BUMPS);
        }
        boolean readoutModel = paper || kind.getValue() == ModelSpec.Kind.BINOMIAL;
        readout.setDisable(!readoutModel);
        mean.setDisable(!paper);
        bumps.setDisable(!readoutModel || readout.getValue() != ModelSpec.Readout.BUMPS);
        variance.setDisable(kind.getValue() != ModelSpec.Kind.DDPM);
        head.setDisable(kind.getValue() != ModelSpec.Kind.BINOMIAL);
        kind.setDisable(kind.getItems().size() < 2);
    }

    static <T> ChoiceBox<T> choice(T[] values, Function<T, String> label) {
        ChoiceBox<T> c = new ChoiceBox<>(FXCollections.observableArrayList(values));
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return c;
    }
}
