package lab.diffusion.app.binary;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.FileActions;
import lab.diffusion.app.ui.FileExport;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;
import lab.diffusion.engine.data.PointSet;

/**
 * The Data section in binary mode: heartbeat, cell editing, undo/redo, 0/1 CSV import and export. FX thread; files are read and written on the background executor.
 */
public final class BinaryDataView extends VBox {

    private final BinaryDataModel model;
    private final Background background;
    private final Supplier<FileExport> export;
    private final MessageLabel message = new MessageLabel("binary-message");

    /** @param export the sequences as a file (the Export CSV button writes it) */
    public BinaryDataView(BinaryDataModel model, Background background, Supplier<FileExport> export) {
        super(8);
        this.model = model;
        this.background = background;
        this.export = export;
        Button heartbeat = Forms.tip(new Button("Heartbeat"), "The paper's heartbeat: 20 bins, a 1 every 5th bin, random phase (5 sequences).");
        heartbeat.setId("heartbeat-button");
        heartbeat.setOnAction(e -> {
            model.loadHeartbeat();
            say("");
        });
        Button undo = Forms.tip(new Button("Undo"), "Undo the last edit or load (Ctrl+Z).");
        undo.setId("binary-undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button redo = Forms.tip(new Button("Redo"), "Redo what was undone (Ctrl+Y).");
        redo.setId("binary-redo");
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        Button importCsv = Forms.tip(new Button("Import 0/1 CSV…"),
                "Load sequences: one per line, 0/1 values separated by commas or spaces, or runs like 01001 (up to 64 bits).");
        importCsv.setId("binary-import");
        importCsv.setOnAction(e -> chooseImport());
        Button exportCsv = Forms.tip(new Button("Export CSV…"), "Save the sequences as rows of comma-separated 0/1 values.");
        exportCsv.setId("binary-export");
        exportCsv.setOnAction(e -> chooseExport());
        Label count = new Label();
        count.setId("row-count");
        count.getStyleClass().add("readout");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            PointSet p = model.rows();
            return String.format("%d sequences of %d bits — %s", p.size(), p.dim(), model.sourceProperty().get());
        }, model.rowsProperty(), model.sourceProperty()));
        say("");
        getChildren().addAll(new HBox(6, heartbeat, undo, redo), new HBox(6, importCsv, exportCsv),
                Forms.note("Click a cell of the Forward raster to flip a bit of the data (t jumps to 0)."), count, message);
    }

    public void say(String text) {
        message.say(text);
    }

    /** Imports sequences off the UI thread; on failure the old rows stay and the message says why. */
    public CompletableFuture<Boolean> importFile(Path file) {
        return FileActions.read(file, background, () -> BinaryDataModel.readCsv(file),
                rows -> model.setImported(rows, file.getFileName().toString()), message, "Not imported");
    }

    private void chooseImport() {
        Path f = FileActions.chooseOpen(FileActions.owner(this), "Import sequences",
                new FileChooser.ExtensionFilter("CSV or text", "*.csv", "*.txt"), new FileChooser.ExtensionFilter("All files", "*.*"));
        if (f != null) {
            importFile(f);
        }
    }

    private void chooseExport() {
        FileActions.write(export.get(), FileActions.owner(this), background, message::inform, message::say);
    }
}
