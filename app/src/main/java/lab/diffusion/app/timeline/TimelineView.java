package lab.diffusion.app.timeline;

import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import lab.diffusion.app.ui.Forms;

/** The timeline under the plots: t slider 0…T, play/pause, step, loop, direction, speed. FX thread. */
public final class TimelineView extends HBox {

    public TimelineView(TimelineModel model) {
        super(6);
        setId("timeline");
        getStyleClass().add("timeline");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));

        Button start = Forms.tip(new Button("|◀"), "Go to t = 0, the data (Home).");
        start.setId("t-start");
        start.setOnAction(e -> model.toStart());
        Button back = Forms.tip(new Button("◀"), "Step t back by one (←).");
        back.setId("t-back");
        back.setOnAction(e -> model.stepBack());
        ToggleButton play = Forms.tip(new ToggleButton("▶ Play"), "Play t through the process (Space); see loop, direction and speed.");
        play.setId("play-button");
        play.selectedProperty().bindBidirectional(model.playingProperty());
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
        play.setMinWidth(84);
        Button fwd = Forms.tip(new Button("▶"), "Step t forward by one (→).");
        fwd.setId("t-forward");
        fwd.setOnAction(e -> model.stepForward());
        Button end = Forms.tip(new Button("▶|"), "Go to t = T, pure noise (End).");
        end.setId("t-end");
        end.setOnAction(e -> model.toEnd());

        Slider slider = Forms.tip(new Slider(0, model.maxProperty().get(), model.t()),
                "t: 0 is the data, T is noise. Drives all three plots.");
        slider.setId("t-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(10);
        slider.setShowTickMarks(true);
        slider.maxProperty().bind(model.maxProperty());
        slider.valueProperty().addListener((o, a, b) -> {
            int v = (int) Math.round(b.doubleValue());
            if (v != model.t()) {
                model.setT(v);
            }
        });
        model.tProperty().addListener((o, a, b) -> {
            if ((int) Math.round(slider.getValue()) != b.intValue()) {
                slider.setValue(b.intValue());
            }
        });
        model.maxProperty().addListener((o, a, b) -> slider.setMajorTickUnit(Math.max(1, niceTick(b.intValue()))));
        slider.setMajorTickUnit(niceTick(model.maxProperty().get()));
        HBox.setHgrow(slider, Priority.ALWAYS);

        Label tLabel = new Label();
        tLabel.setId("t-label");
        tLabel.getStyleClass().add("t-label");
        tLabel.setMinWidth(92);
        tLabel.textProperty().bind(Bindings.createStringBinding(() -> "t = " + model.t() + " / " + model.maxProperty().get(),
                model.tProperty(), model.maxProperty()));

        ToggleButton loop = Forms.tip(new ToggleButton("Loop"), "When playback reaches the end, start again.");
        loop.setId("loop-button");
        loop.selectedProperty().bindBidirectional(model.loopProperty());
        ToggleButton backwards = Forms.tip(new ToggleButton("T → 0"),
                "Play from noise back to data (the reverse process) instead of data to noise.");
        backwards.setId("direction-button");
        backwards.selectedProperty().bindBidirectional(model.backwardsProperty());
        ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(
                Arrays.stream(TimelineModel.SPEEDS).boxed().toList()));
        speed.setId("speed-choice");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.rint(d) ? String.valueOf(d.intValue()) : String.valueOf(d)) + "×";
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> model.speedProperty().set(b));
        Forms.tip(speed, "Playback speed: at 1× a sweep through all T steps takes " + (int) TimelineModel.SWEEP_SECONDS + " s.");

        getChildren().addAll(start, back, play, fwd, end, tLabel, slider, loop, backwards, new Label("Speed"), speed);
    }

    private static double niceTick(int max) {
        if (max <= 20) {
            return 1;
        }
        if (max <= 100) {
            return 10;
        }
        return Math.pow(10, Math.floor(Math.log10(max)));
    }
}
