package lab.diffusion.app;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import lab.diffusion.engine.data.PointSet;
import lab.diffusion.engine.data.Preset;

/** The Diffusion Lab window. */
public final class DiffusionLabApp extends Application {

    static final String TITLE = "Diffusion Lab";

    @Override
    public void start(Stage stage) {
        PointSet roll = Preset.SWISSROLL.standardizer().apply(Preset.SWISSROLL.generate(3000, 1));
        Canvas canvas = new Canvas();
        canvas.setId("data-plot");
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw(canvas, roll));
        canvas.heightProperty().addListener(o -> draw(canvas, roll));
        Label caption = new Label("Swiss roll, 3,000 points (standardized). The explorer comes next.");
        caption.setId("caption");
        caption.setPadding(new Insets(6, 10, 6, 10));
        BorderPane root = new BorderPane(holder);
        root.setBottom(caption);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
    }

    private static void draw(Canvas c, PointSet p) {
        GraphicsContext g = c.getGraphicsContext2D();
        double w = c.getWidth();
        double h = c.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double scale = Math.min(w, h) / 5.0;
        g.setFill(Color.rgb(31, 119, 180, 0.6));
        for (int i = 0; i < p.size(); i++) {
            double x = w / 2 + p.get(i, 0) * scale;
            double y = h / 2 - p.get(i, 1) * scale;
            g.fillOval(x - 1.5, y - 1.5, 3, 3);
        }
    }
}
