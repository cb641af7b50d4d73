package lab.diffusion.app.images;

import java.io.File;
import java.nio.file.Path;
import java.util.function.BiPredicate;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import lab.diffusion.app.ui.FileActions;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;

/** The Data section in image mode: digits, dead leaves, or a folder of the person's own images. FX thread. */
public final class ImageDataView extends VBox {

    private final MessageLabel message = new MessageLabel("image-message");
    /** True while the choice shows the model's source (not a person's pick). */
    private boolean syncing;

    /** @param choose loads a source (a folder for FOLDER); false if refused (the choice shows the current source) */
    public ImageDataView(ImageDataModel model, BiPredicate<ImageSource, Path> choose) {
        super(8);
        ChoiceBox<ImageSource> source = new ChoiceBox<>(FXCollections.observableArrayList(ImageSource.values()));
        source.setId("image-source");
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImageSource s) {
                return s == null ? "" : s == ImageSource.FOLDER ? "Image folder…" : s.label();
            }

            @Override
            public ImageSource fromString(String s) {
                return null;
            }
        });
        show(source, model.sourceProperty().get());
        model.sourceProperty().addListener((o, a, b) -> show(source, b));
        Forms.tip(source, "Training images: 9,000 MNIST digits (1,000 held out), generated dead leaves, or a folder of "
                + "your PNG/JPEG files (converted to grey and 28×28; the files are never changed).");
        source.setOnAction(e -> {
            ImageSource s = source.getValue();
            if (syncing || s == null || (s == model.sourceProperty().get() && s != ImageSource.FOLDER)) {
                return;
            }
            Path folder = null;
            if (s == ImageSource.FOLDER) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle("Train on the PNG/JPEG images of a folder");
                dc.setInitialDirectory(FileActions.startFolder());
                File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
                if (f == null) {
                    show(source, model.sourceProperty().get());
                    return;
                }
                folder = f.toPath();
                FileActions.remember(folder);
            }
            if (!choose.test(s, folder)) {
                show(source, model.sourceProperty().get());
            }
        });
        GridPane form = Forms.grid();
        Forms.row(form, "Images", source);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(model.loadingProperty());
        Label desc = Forms.note("");
        desc.setId("image-description");
        desc.textProperty().bind(model.descriptionProperty());
        getChildren().addAll(form, new HBox(6, busy, desc),
                Forms.note("Images are dequantized (+ uniform noise of one grey level) and scaled by one constant to unit "
                        + "variance; K is shown in bits per pixel."), message);
    }

    /** Shows the source in the choice without acting on it (a choice box fires its action on every change). */
    private void show(ChoiceBox<ImageSource> source, ImageSource s) {
        syncing = true;
        try {
            source.setValue(s);
        } finally {
            syncing = false;
        }
    }

    public void say(String text) {
        message.say(text);
    }
}
