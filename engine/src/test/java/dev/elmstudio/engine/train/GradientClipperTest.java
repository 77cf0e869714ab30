package dev.elmstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClipperTest {

    @Test
    void globalNormTreatsAllGradientsAsOneVector() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // ‖(3, 4)‖ = 5 and ‖[[12]]‖ = 12, together sqrt(9 + 16 + 144) = 13
            double norm = GradientClipper.globalNorm(List.of(
                    manager.create(new float[] {3f, 4f}), manager.create(new float[] {12f}, new Shape(1, 1))));
            assertEquals(13.0, norm, 1e-6);
        }
    }

    @Test
    void scaleBringsTheNormDownToTheThresholdAndNeverUp() {
        assertEquals(6.5 / (13 + 1e-6), GradientClipper.scaleFor(13, 6.5), 1e-15);
        assertEquals(1.0, GradientClipper.scaleFor(2, 6.5));
        assertEquals(1.0, GradientClipper.scaleFor(1e9, 0), "0 turns clipping off");
    }
}
