package dev.elmstudio.app.ui.map;

import java.util.Arrays;

/**
 * Draws the points as small discs straight into an ARGB pixel array, which the map then puts on its
 * Canvas with one {@code drawImage}. Sixty thousand points cost a few milliseconds this way; sixty
 * thousand {@code fillOval} calls would cost a Canvas command each, every redraw.
 */
final class PointRaster {

    private int width;
    private int height;
    private int[] pixels = new int[0];

    int[] pixels() {
        return pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Clears to transparent (the control's CSS background shows through) and draws every point in index order. */
    void render(MapPoints points, int[] argb, MapViewport viewport, int width, int height, int radius) {
        if (this.width != width || this.height != height) {
            this.width = width;
            this.height = height;
            pixels = new int[Math.max(0, width * height)];
        } else {
            Arrays.fill(pixels, 0);
        }
        float[] xs = points.x();
        float[] ys = points.y();
        int[] mask = discMask(radius);
        for (int i = 0; i < xs.length; i++) {
            int cx = (int) Math.round(viewport.toScreenX(xs[i]));
            int cy = (int) Math.round(viewport.toScreenY(ys[i]));
            if (cx < -radius || cy < -radius || cx >= width + radius || cy >= height + radius) {
                continue;
            }
            stamp(cx, cy, radius, mask, argb[i]);
        }
    }

    private void stamp(int cx, int cy, int radius, int[] mask, int colour) {
        for (int dy = -radius; dy <= radius; dy++) {
            int py = cy + dy;
            if (py < 0 || py >= height) {
                continue;
            }
            int halfWidth = mask[dy + radius];
            int from = Math.max(0, cx - halfWidth);
            int to = Math.min(width - 1, cx + halfWidth);
            int row = py * width;
            for (int px = from; px <= to; px++) {
                pixels[row + px] = colour;
            }
        }
    }

    /** Half-width of the disc on each row, so a disc is a run of horizontal spans. */
    private static int[] discMask(int radius) {
        int[] mask = new int[2 * radius + 1];
        for (int dy = -radius; dy <= radius; dy++) {
            mask[dy + radius] = (int) Math.floor(Math.sqrt(radius * radius + radius - dy * dy));
        }
        return mask;
    }
}
