package lab.diffusion.app.window;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import lab.diffusion.app.explorer.Explorer;
import lab.diffusion.app.mode.DataChoice;
import lab.diffusion.app.mode.ExplorerMode;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.engine.model.ModelSpec;

/** The toolbar: the data set, the reverse model, Train / Step / Reset and a hint of the keys. FX thread. */
final class ToolbarView extends ToolBar {

    private final Explorer ex;
    private final ChoiceBox<DataChoice> data = new ChoiceBox<>();
    private final ChoiceBox<ModelSpec.Kind> kind = new ChoiceBox<>();

    ToolbarView(Explorer ex) {
        this.ex = ex;
        setId("toolbar");
        for (ExplorerMode m : ex.modes()) {
            data.getItems().addAll(m.dataChoices());
        }
        data.setId("toolbar-preset");
        data.setConverter(new StringConverter<>() {
            @Override
            public String toString(DataChoice c) {
                return c == null ? "Custom data" : c.label();
            }

            @Override
            public DataChoice fromString(String s) {
                return null;
            }
        });
        data.setValue(ex.choiceProperty().get());
        ex.choiceProperty().addListener((o, a, b) -> data.setValue(b));
        data.setOnAction(e -> {
            DataChoice c = data.getValue();
            if (c != null && c != ex.choiceProperty().get() && !ex.select(c)) {
                Platform.runLater(() -> data.setValue(ex.choiceProperty().get()));
            }
        });
        Forms.tip(data, "Data set: a 2D preset distribution, the binary heartbeat (the paper's second experiment), or images "
                + "(digits, dead leaves) to train on, inpaint and denoise.");

        kind.setId("toolbar-model");
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelSpec.Kind k) {
                return k == null ? "" : k == ModelSpec.Kind.PAPER ? "Paper μ,Σ model"
                        : k == ModelSpec.Kind.DDPM ? "DDPM ε model" : "Binomial model";
            }

            @Override
            public ModelSpec.Kind fromString(String s) {
                return null;
            }
        });
        showKinds(ex.mode());
        ex.modeProperty().addListener((o, a, b) -> showKinds(b));
        ex.training.specProperty().addListener((o, a, b) -> kind.setValue(b.kind()));
        kind.setOnAction(e -> {
            ModelSpec.Kind k = kind.getValue();
            if (k != null && k != ex.training.specProperty().get().kind() && !ex.trainer.requestKind(k)) {
                Platform.runLater(() -> kind.setValue(ex.training.specProperty().get().kind()));
            }
        });
        Forms.tip(kind, "Reverse model: the paper's learned mean and variance, or DDPM's ε-prediction with fixed variance.");

        ToggleButton train = Forms.tip(new ToggleButton("Train"), "Train the reverse model live; press again to pause (T).");
        train.setId("train-button");
        train.getStyleClass().add("primary");
        train.selectedProperty().bindBidirectional(ex.training.runningProperty());
        train.textProperty().bind(Bindings.when(ex.training.runningProperty()).then("Pause").otherwise("Train"));
        train.setOnAction(e -> {
            if (train.isSelected()) {
                ex.trainer.train();
            } else {
                ex.trainer.pause();
            }
        });
        train.setMinWidth(80);
        Button step = Forms.tip(new Button("Step"), "Take one optimizer step and show the result.");
        step.setId("step-button");
        step.setOnAction(e -> ex.trainer.step());
        Button reset = Forms.tip(new Button("Reset"), "Start again from fresh weights (the K history is cleared) (R).");
        reset.setId("reset-button");
        reset.setOnAction(e -> ex.trainer.reset());
        Label app = new Label("Diffusion Lab");
        app.getStyleClass().add("app-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label hint = new Label("Space play · ←/→ step t · T train · 1/2/3 enlarge · L lecture · ? all keys");
        hint.getStyleClass().add("hint");
        getItems().addAll(app, new Separator(Orientation.VERTICAL), new Label("Data"), data, new Label("Model"), kind,
                new Separator(Orientation.VERTICAL), train, step, reset, grow, hint);
    }

    private void showKinds(ExplorerMode m) {
        kind.getItems().setAll(m.modelKinds());
        kind.setValue(ex.training.specProperty().get().kind());
        kind.setDisable(m.modelKinds().size() < 2);
    }
}
