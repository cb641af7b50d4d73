package lab.diffusion.app.runs;

import java.io.ByteArrayInputStream;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.diffusion.app.ui.Forms;
import lab.diffusion.app.ui.MessageLabel;
import lab.diffusion.engine.session.RunRecord;

/**
 * The Runs section: every training run of this session (kept when its model was replaced) with
 * its final held-out K, settings and a picture of its samples; two runs, or one run and the
 * current model, can be compared side by side. FX thread.
 */
public final class RunsView extends VBox {

    private final RunsHost ex;
    private final ListView<RunRecord> list;
    private final MessageLabel message = new MessageLabel("runs-message");

    public RunsView(RunsHost ex) {
        super(8);
        this.ex = ex;
        list = new ListView<>(ex.history().list());
        list.setId("runs-list");
        list.setPrefHeight(180);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("No earlier runs yet: a run is kept here when Reset or a new model replaces it."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                long steps = r.curve().size() == 0 ? 0 : r.curve().steps()[r.curve().size() - 1];
                setText(String.format("%s · %,d steps · held-out K %s", r.name(), steps,
                        Double.isNaN(r.heldoutBits()) ? "–" : String.format("%.3f", r.heldoutBits())));
                if (r.thumbnailPng().length > 0) {
                    ImageView iv = new ImageView(new Image(new ByteArrayInputStream(r.thumbnailPng())));
                    iv.setFitWidth(44);
                    iv.setFitHeight(44);
                    iv.setPreserveRatio(true);
                    setGraphic(iv);
                } else {
                    setGraphic(null);
                }
                setTooltip(new Tooltip(r.settings()));
            }
        });
        Button compare = Forms.tip(new Button("Compare"), "Show two selected runs (or one run and the current model) side by side at "
                + "the same t, with their K curves overlaid.");
        compare.setId("runs-compare");
        compare.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isEqualTo(0));
        compare.setOnAction(e -> compare());
        Button remove = Forms.tip(new Button("Remove"), "Forget the selected runs.");
        remove.setId("runs-remove");
        remove.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isEqualTo(0));
        remove.setOnAction(e -> ex.history().list().removeAll(List.copyOf(list.getSelectionModel().getSelectedItems())));
        getChildren().addAll(list, new HBox(6, compare, remove), message);
    }

    public ListView<RunRecord> list() {
        return list;
    }

    private void say(String t) {
        message.say(t);
    }

    /** Opens the comparison of the selected runs (a second run, or the current model). */
    public CompareWindow compare() {
        var sel = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (sel.isEmpty()) {
            return null;
        }
        RunRecord a = sel.get(0);
        RunRecord b = sel.size() > 1 ? sel.get(1) : null;
        say(ex.history().model(a) == null || (b != null && ex.history().model(b) == null)
                ? "Runs opened from a file keep their K curve and picture; their samples cannot be redrawn." : "");
        CompareWindow w = new CompareWindow(ex, a, b);
        w.show(getScene() == null ? null : getScene().getWindow());
        return w;
    }
}
