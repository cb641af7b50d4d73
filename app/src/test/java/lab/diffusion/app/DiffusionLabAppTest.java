package lab.diffusion.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DiffusionLabAppTest {

    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        new DiffusionLabApp().start(s);
    }

    @Test
    void windowShowsTheSwissRollPlot(FxRobot robot) {
        assertEquals(DiffusionLabApp.TITLE, stage.getTitle());
        Canvas plot = robot.lookup("#data-plot").queryAs(Canvas.class);
        assertTrue(plot.getWidth() > 100 && plot.getHeight() > 100, "plot fills the window");
    }
}
