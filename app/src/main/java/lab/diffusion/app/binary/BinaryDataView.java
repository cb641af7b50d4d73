package lab.diffusion.app.binary;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.diffusion.app.ui.Background;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;
import lab.diffusion.engine.data.BinaryData;
import lab.diffusion.engine.data.PointSet;

/**
 * The Data section in binary mode: heartbeat, cell editing, undo/redo, 0/1 CSV import and export. FX thread; files are read and written on the background executor.
 */
public final class BinaryDataView extends VBox {

    private final BinaryDataModel model;
    private final Background background;
    private final MessageLabel message = new MessageLabel("binary-message");

    public BinaryDataView(BinaryDataModel model, Background background) {
        super(8);
        this.model = model;
        this.background = background;
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
        say("Reading " + file.getFileName() + "…");
        return background.call(() -> BinaryDataModel.readCsv(file)).handle((rows, e) -> {
            if (e != null) {
                say("Not imported: " + e.getMessage());
                return false;
            }
            model.setImported(rows, file.getFileName().toString());
            say("");
            return true;
        });
    }

    private void chooseImport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import sequences");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV or text", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            importFile(f.toPath());
        }
    }

    private void chooseExport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export sequences");
        fc.setInitialFileName("sequences.csv");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            PointSet rows = model.rows();
            Path out = f.toPath();
            background.call(() -> {
                BinaryData.writeCsv(out, rows);
                return true;
            }).whenComplete((ok, e) -> {
                if (e == null) {
                    message.inform("Exported " + rows.size() + " sequences to " + out.getFileName());
                } else {
                    say("Not exported: " + e.getMessage());
                }
            });
        }
    }
}
