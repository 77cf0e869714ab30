package dev.elmstudio.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.elmstudio.app.testing.Screenshots;
import java.util.List;
import java.util.Random;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map control alone in a real (headless) window with 60,000 points: it draws them, hovers and
 * selects the point under the mouse, zooms around the cursor, pans, and shows a probe.
 */
class EmbeddingMapCanvasGuiTest {

    private static final int N = 60_000;
    private static EmbeddingMapCanvas map;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void showMap() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            map = new EmbeddingMapCanvas();
            Scene scene = new Scene(map, 640, 480);
            // The map's sheet uses the theme's colour variables, as it does inside the app.
            scene.getStylesheets().add(EmbeddingMapCanvas.class.getResource("/dev/elmstudio/app/shell/light.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        MapPoints points = cloud(N);
        String[] genres = new String[N];
        for (int i = 0; i < N; i++) {
            genres[i] = points.x()[i] < 0 ? "Left" : "Right";
        }
        FxToolkit.setupFixture(() -> map.setPoints(points, new MapColouring.Categorical("side", genres)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void drawsEveryPointColouredWithALegend() {
        WritableImage image = fx(() -> map.snapshot(null, null));
        PixelReader pixels = image.getPixelReader();
        Point2D left = fx(() -> map.screenPositionOf(pointNear(-2, 0)));
        Color colour = pixels.getColor((int) Math.round(left.getX()), (int) Math.round(left.getY()));
        assertEquals(MapLegend.colour(CategoryPalette.argb(0)).getBlue(), colour.getBlue(), 0.02, "a left point in the first colour");
        assertTrue(robot.lookup("#legend-left").tryQuery().isPresent());
        fx(() -> Screenshots.save(map, "embedding-map"));
        assertTrue(robot.lookup("#legend-right").tryQuery().isPresent());
    }

    @Test
    void hoverShowsTheLabelAndClickSelectsWithoutRerasterisingThePoints() {
        long id = pointNear(10, 0); // the rightmost point: alone, so the mouse lands on it and no other
        moveTo(id);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, map.hoveredIdProperty().get());
        assertTrue(robot.lookup("#map-hover").queryLabeled().isVisible());
        assertEquals("point " + id, robot.lookup("#map-hover").queryLabeled().getText());
        long rendersBefore = map.pointRenders();
        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(id, map.selectedIdProperty().get());
        assertEquals(rendersBefore, map.pointRenders(), "hover and selection redraw only the overlay");
    }

    @Test
    void wheelZoomsAroundTheCursorAndDragPans() {
        long id = pointNear(-10, 0);
        Point2D before = moveTo(id);
        double zoomBefore = map.zoom();
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(zoomBefore, map.zoom());
        Point2D after = fx(() -> map.screenPositionOf(id));
        assertEquals(before.getX(), after.getX(), 1.5, "the point under the cursor stays put");
        assertEquals(before.getY(), after.getY(), 1.5);

        robot.drag(MouseButton.PRIMARY).moveBy(60, 40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D panned = fx(() -> map.screenPositionOf(id));
        assertEquals(after.getX() + 60, panned.getX(), 3);
        assertEquals(after.getY() + 40, panned.getY(), 3);
        robot.interact(map::fitToData);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, map.zoom(), 1e-9);
    }

    @Test
    void selectionFromOutsideAndTheProbeThroughTheProjector() {
        robot.interact(() -> map.select(42L));
        assertEquals(42L, map.selectedIdProperty().get());
        robot.interact(() -> map.setProjector(vector -> new double[] {vector[0] * 2, vector[1]}));
        robot.interact(() -> map.showProbe(new float[] {0.5f, -1f}, "probe"));
        double[] probe = map.probePosition();
        assertEquals(1.0, probe[0], 1e-9);
        assertEquals(-1.0, probe[1], 1e-9);
        robot.interact(() -> map.setHighlighted(List.of(1L, 2L, 3L)));
        robot.interact(map::clearProbe);
        assertNull(map.probePosition());
        robot.interact(() -> map.select(null));
        assertNull(map.selectedIdProperty().get());
    }

    private Point2D moveTo(long id) {
        Point2D local = fx(() -> map.screenPositionOf(id));
        assertNotNull(local);
        robot.moveTo(fx(() -> map.localToScreen(local)));
        return local;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The id of the point closest to (x, y) in data coordinates. */
    private static long pointNear(double x, double y) {
        MapPoints points = map.points();
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            double distance = Math.hypot(points.x()[i] - x, points.y()[i] - y);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return points.ids()[best];
    }

    private static MapPoints cloud(int n) {
        Random random = new Random(3);
        long[] ids = new long[n];
        float[] x = new float[n];
        float[] y = new float[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + i;
            x[i] = (float) (random.nextGaussian() + (i % 2 == 0 ? -2 : 2));
            y[i] = (float) random.nextGaussian();
            labels[i] = "point " + ids[i];
        }
        return new MapPoints(ids, x, y, labels);
    }
}
