package dev.elmstudio.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves a node as PNG (call on the FX thread). Goes to {@code target/screenshots} unless the system
 * property {@value #FOLDER_PROPERTY} names a folder: the docs' screenshots are refreshed with
 * {@code -Delmstudio.screenshots=$PWD/docs/screenshots}, so an ordinary test run leaves the sources alone.
 */
public final class Screenshots {

    public static final String FOLDER_PROPERTY = "elmstudio.screenshots";

    private Screenshots() {}

    public static Path save(Node node, String name) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        Path folder = Path.of(System.getProperty(FOLDER_PROPERTY, "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
