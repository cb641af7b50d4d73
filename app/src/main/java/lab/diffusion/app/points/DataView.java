package lab.diffusion.app.points;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.FileActions;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;
import lab.diffusion.engine.data.DataException;
import lab.diffusion.engine.data.Preset;
import org.controlsfx.control.SegmentedButton;

/**
 * The Data section: presets, text, drawing tools, undo/redo, CSV import and export. FX thread; files are read and written on the background executor.
 */
public final class DataView extends VBox {

    private final DataModel model;
    private final Background background;
    private final Supplier<FileExport> export;
    private final MessageLabel message = new MessageLabel("data-message");
    private final ChoiceBox<Preset> presets = new ChoiceBox<>(FXCollections.observableArrayList(Preset.values()));

    /** @param export the points as a file (the Export CSV button writes it) */
    public DataView(DataModel model, Background background, Supplier<FileExport> export) {
        super(8);
        this.model = model;
        this.background = background;
        this.export = export;
        getStyleClass().add("data-view");

        presets.setId("preset-choice");
        presets.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preset p) {
                return p == null ? "(custom)" : p.label();
            }

            @Override
            public Preset fromString(String s) {
                return null;
            }
        });
        Forms.tip(presets, "Load a ready-made 2D distribution (5,000 points shown; training uses 20,000 fresh points).");
        presets.setOnAction(e -> {
            Preset p = presets.getValue();
            if (p != null && p != model.presetProperty().get()) {
                model.loadPreset(p);
                say("");
            }
        });
        model.presetProperty().addListener((o, a, b) -> presets.setValue(b));
        presets.setValue(model.presetProperty().get());

        TextField text = new TextField("DIFFUSION");
        text.setId("text-field");
        Forms.tip(text, "Text to turn into points (bold glyphs, up to 24 characters).");
        Button makeText = Forms.tip(new Button("Text → points"), "Replace the data with points sampled inside the letters.");
        makeText.setId("text-button");
        makeText.setOnAction(e -> {
            try {
                model.loadText(text.getText());
                say("");
            } catch (DataException ex) {
                say(ex.getMessage());
            }
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox textRow = new HBox(6, text, makeText);

        SegmentedButton tools = new SegmentedButton();
        ToggleGroup group = new ToggleGroup();
        for (Tool t : Tool.values()) {
            ToggleButton b = new ToggleButton(t.label());
            b.setId("tool-" + t.name().toLowerCase());
            b.setUserData(t);
            b.setToggleGroup(group);
            Forms.tip(b, t.help());
            tools.getButtons().add(b);
            if (t == model.toolProperty().get()) {
                b.setSelected(true);
            }
        }
        tools.setToggleGroup(group);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one tool is always chosen
            } else {
                model.toolProperty().set((Tool) b.getUserData());
            }
        });
        model.toolProperty().addListener((o, a, b) -> group.getToggles().forEach(tg -> tg.setSelected(tg.getUserData() == b)));

        Slider brush = Forms.tip(new Slider(4, 80, model.brushPixelsProperty().get()), "Brush radius in pixels (spray and eraser).");
        brush.setId("brush-size");
        brush.valueProperty().bindBidirectional(model.brushPixelsProperty());
        Slider density = Forms.tip(new Slider(1, 40, model.densityProperty().get()), "Points the spray adds per mouse movement.");
        density.setId("spray-density");
        density.valueProperty().addListener((o, a, b) -> model.densityProperty().set(b.intValue()));

        Button undo = Forms.tip(new Button("Undo"), "Undo the last stroke, clear or load (Ctrl+Z).");
        undo.setId("undo-button");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button redo = Forms.tip(new Button("Redo"), "Redo what was undone (Ctrl+Y).");
        redo.setId("redo-button");
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        Button clear = Forms.tip(new Button("Clear"), "Remove every point (can be undone).");
        clear.setId("clear-button");
        clear.setOnAction(e -> model.clear());
        HBox edit = new HBox(6, undo, redo, clear);

        Button importCsv = Forms.tip(new Button("Import CSV…"), "Load points from a CSV file of x,y rows (header optional).");
        importCsv.setId("import-button");
        importCsv.setOnAction(e -> chooseImport());
        Button exportCsv = Forms.tip(new Button("Export CSV…"), "Save the points as a CSV file of x,y rows.");
        exportCsv.setId("export-button");
        exportCsv.setOnAction(e -> chooseExport());
        HBox files = new HBox(6, importCsv, exportCsv);

        Label count = new Label();
        count.setId("point-count");
        count.getStyleClass().add("readout");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.points().size();
            String src = model.sourceProperty().get();
            return String.format("%,d point%s%s", n, n == 1 ? "" : "s", src.isEmpty() ? "" : " — " + src);
        }, model.pointsProperty(), model.sourceProperty()));

        GridPane form = Forms.grid();
        Forms.row(form, "Preset", presets);
        Forms.row(form, "Brush", brush);
        Forms.row(form, "Density", density);
        getChildren().addAll(form, textRow, new Label("Draw on the Forward plot:"), tools, edit, files, count, message);
        setAlignment(Pos.TOP_LEFT);
    }

    /** Shows a message (empty hides it). */
    public void say(String text) {
        message.say(text);
    }

    /**
     * Imports a CSV file, reading it off the UI thread; on failure the old data stay and the
     * message says why. The returned future completes on the UI thread with true on success.
     */
    public CompletableFuture<Boolean> importFile(Path file) {
        return FileActions.read(file, background, () -> DataModel.readCsv(file), r -> {
            model.setImported(r.points(), file.getFileName().toString());
            if (r.note() != null) {
                message.inform(r.note());
            }
        }, message, "Not imported");
    }

    private void chooseImport() {
        Path f = FileActions.chooseOpen(FileActions.owner(this), "Import points",
                new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"), new FileChooser.ExtensionFilter("All files", "*.*"));
        if (f != null) {
            importFile(f);
        }
    }

    private void chooseExport() {
        FileActions.write(export.get(), FileActions.owner(this), background, message::inform, message::say);
    }
}
