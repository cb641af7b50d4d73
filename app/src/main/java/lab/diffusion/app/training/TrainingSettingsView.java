package lab.diffusion.app.training;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.engine.nn.Optimizer;

/** The Training section: optimizer, learning rate, batch size, seed. FX thread. */
public final class TrainingSettingsView extends VBox {

    private final Label message = Forms.note("");

    public TrainingSettingsView(TrainingModel model, Predicate<Optimizer.Kind> requestOptimizer, DoubleConsumer setLr,
                                IntConsumer setBatch, Consumer<Long> setSeed) {
        super(8);
        ChoiceBox<Optimizer.Kind> opt = ModelView.choice(Optimizer.Kind.values(), k -> k == Optimizer.Kind.ADAM ? "Adam" : "RMSprop");
        opt.setId("optimizer-choice");
        opt.setValue(model.optimizerProperty().get());
        Forms.tip(opt, "Optimizer of the training loss (Adam β = 0.9/0.999, RMSprop decay 0.9). Changing it restarts training.");
        opt.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.optimizerProperty().get() && !requestOptimizer.test(b)) {
                Platform.runLater(() -> opt.setValue(model.optimizerProperty().get()));
            }
        });
        model.optimizerProperty().addListener((o, a, b) -> opt.setValue(b));

        ComboBox<Double> lr = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.stream(TrainingModel.LEARNING_RATES).boxed().toList()));
        lr.setId("lr-choice");
        lr.setEditable(true);
        lr.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format("%.0e", d).replace("e-0", "e-");
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.trim());
                    if (v > 0 && v <= Optimizer.MAX_LEARNING_RATE) {
                        return v; // the refusal of an earlier value stays until the rate changes
                    }
                    say("The learning rate must be in (0, 1]; kept " + toString(model.learningRateProperty().get()) + ".");
                } catch (NumberFormatException e) {
                    say("'" + s.trim() + "' is not a number; kept " + toString(model.learningRateProperty().get()) + ".");
                }
                return model.learningRateProperty().get();
            }
        });
        lr.setValue(model.learningRateProperty().get());
        Forms.tip(lr, "Learning rate (step size); applies at once, without a reset. Type a value or pick one.");
        lr.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.learningRateProperty().get()) {
                say("");
                model.learningRateProperty().set(b);
                setLr.accept(b);
            }
        });

        ChoiceBox<Integer> batch = new ChoiceBox<>(FXCollections.observableArrayList(
                Arrays.stream(TrainingModel.BATCH_SIZES).boxed().toList()));
        batch.setId("batch-choice");
        batch.setValue(model.batchSizeProperty().get());
        Forms.tip(batch, "Examples per step, each with its own t ~ U{2..T} and noise ε; applies at once.");
        batch.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.batchSizeProperty().get()) {
                model.batchSizeProperty().set(b);
                setBatch.accept(b);
            }
        });
        model.batchSizeProperty().addListener((o, a, b) -> {
            if (!batch.getItems().contains(b.intValue())) {
                batch.getItems().add(b.intValue());
                batch.getItems().sort(null);
            }
            batch.setValue(b.intValue());
        });
        model.learningRateProperty().addListener((o, a, b) -> lr.setValue(b.doubleValue()));

        CheckBox autoStop = Forms.tip(new CheckBox("Auto-stop after"),
                "Stop training when held-out K has not improved for this many seconds of training.");
        autoStop.setId("auto-stop");
        Spinner<Integer> patience = Forms.intSpinner(10, 3600, (int) model.autoStopSecondsProperty().get(), 10, this::say);
        patience.setId("auto-stop-seconds");
        Forms.tip(patience, "Seconds of training without a better held-out K before training stops by itself.");
        patience.setPrefWidth(90);
        autoStop.selectedProperty().bindBidirectional(model.autoStopProperty());
        patience.valueProperty().addListener((o, a, b) -> model.autoStopSecondsProperty().set(b));
        patience.disableProperty().bind(autoStop.selectedProperty().not());
        HBox stopRow = new HBox(6, autoStop, patience, new Label("s without a better held-out K"));
        stopRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> seed = Forms.intSpinner(0, 1_000_000, (int) model.seedProperty().get(), 1, this::say);
        seed.setId("seed-spinner");
        Forms.tip(seed, "Seed of weights, batches and noise; applies at the next Reset.");
        seed.valueProperty().addListener((o, a, b) -> {
            if (b != model.seedProperty().get()) {
                model.seedProperty().set(b);
                setSeed.accept((long) b);
            }
        });
        model.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue((int) b.longValue()));

        GridPane form = Forms.grid();
        Forms.row(form, "Optimizer", opt);
        Forms.row(form, "Learning rate", lr);
        Forms.row(form, "Batch size", batch);
        Forms.row(form, "Seed", seed);
        message.getStyleClass().add("error-text");
        message.setId("training-message");
        say("");
        getChildren().addAll(form, stopRow, Forms.note("Held-out K is evaluated on held-out data every 5–10 s while training "
                + "(at most a tenth of the training time)."), message);
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }
}
