package dev.elmstudio.app.ui.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MapViewportTest {

    @Test
    void fitPutsTheDataBoxInsideTheViewWithYUp() {
        MapViewport viewport = new MapViewport();
        viewport.fit(-2, 2, -1, 1, 400, 300, 20);
        assertEquals(200, viewport.toScreenX(0), 1e-9);
        assertEquals(150, viewport.toScreenY(0), 1e-9);
        assertEquals(20, viewport.toScreenX(-2), 1e-9);
        assertEquals(380, viewport.toScreenX(2), 1e-9);
        assertTrue(viewport.toScreenY(1) < viewport.toScreenY(-1), "larger y is higher on screen");
        assertEquals(1, viewport.zoom(), 1e-12);
    }

    @Test
    void zoomKeepsTheDataPointUnderTheCursorStill() {
        MapViewport viewport = new MapViewport();
        viewport.fit(0, 10, 0, 10, 500, 500, 0);
        double dataX = viewport.toDataX(123);
        double dataY = viewport.toDataY(321);
        viewport.zoomAt(3, 123, 321);
        assertEquals(3, viewport.zoom(), 1e-9);
        assertEquals(123, viewport.toScreenX(dataX), 1e-9);
        assertEquals(321, viewport.toScreenY(dataY), 1e-9);
    }

    @Test
    void zoomStaysWithinLimitsAndPanMovesEverythingByTheDrag() {
        MapViewport viewport = new MapViewport();
        viewport.fit(0, 1, 0, 1, 100, 100, 0);
        viewport.zoomAt(1e9, 50, 50);
        assertEquals(MapViewport.MAX_ZOOM, viewport.zoom(), 1e-6);
        viewport.zoomAt(1e-12, 50, 50);
        assertEquals(MapViewport.MIN_ZOOM, viewport.zoom(), 1e-9);
        double before = viewport.toScreenX(0.5);
        viewport.panBy(17, -4);
        assertEquals(before + 17, viewport.toScreenX(0.5), 1e-9);
    }
}
