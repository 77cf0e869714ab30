import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the ELM Studio icon with Java2D and writes it in the three forms jpackage takes:
 * {@code elm-studio.png} (Linux), {@code elm-studio.ico} (Windows) and {@code elm-studio.icns} (macOS).
 * Run from the repository root: {@code java installers/icons/MakeIcons.java installers/icons}.
 *
 * <p>Drawn rather than hand-made so anyone can change it without an image editor, and only the JDK is
 * needed: ICO and ICNS both allow PNG payloads, so each is a small header around PNG bytes.
 * The motif is the app's core gesture: a film (the knob) slid along an attribute axis.
 */
public final class MakeIcons {

    private static final Color TOP = new Color(0x1F, 0x4E, 0x79);
    private static final Color BOTTOM = new Color(0x12, 0x2B, 0x45);
    private static final Color ACCENT = new Color(0xF2, 0xA9, 0x3B);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        byte[] png256 = png(draw(256));
        Files.write(dir.resolve("elm-studio.png"), png256);
        Files.write(dir.resolve("elm-studio.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(dir.resolve("elm-studio.icns"), icns());
        System.out.println("MakeIcons: wrote elm-studio.png, .ico and .icns to " + dir.toAbsolutePath());
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;

        g.setPaint(new GradientPaint(0, 0, TOP, 0, size, BOTTOM));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));

        // "ELM" is unreadable below 32 px; the small sizes show the slider alone, larger.
        boolean withText = size >= 32;
        double axisY = (withText ? 182 : 128) * s;
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke((float) (12 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(48 * s, axisY, 208 * s, axisY));
        g.setColor(ACCENT);
        g.draw(new Line2D.Double(48 * s, axisY, 150 * s, axisY));
        double knob = 44 * s;
        g.fill(new Ellipse2D.Double(150 * s - knob / 2, axisY - knob / 2, knob, knob));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (5 * s)));
        g.draw(new Ellipse2D.Double(150 * s - knob / 2, axisY - knob / 2, knob, knob));

        if (withText) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(92 * s)));
            FontMetrics metrics = g.getFontMetrics();
            String text = "ELM";
            g.drawString(text, (float) ((size - metrics.stringWidth(text)) / 2.0), (float) (128 * s));
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** ICO with one PNG-compressed entry per size (allowed since Windows Vista). All fields little-endian. */
    static byte[] ico(int[] sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(draw(sizes[i]));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeLe16(bytes, 0); // reserved
        writeLe16(bytes, 1); // type: icon
        writeLe16(bytes, sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            bytes.write(sizes[i] >= 256 ? 0 : sizes[i]); // width; 0 means 256
            bytes.write(sizes[i] >= 256 ? 0 : sizes[i]); // height
            bytes.write(0); // palette colours
            bytes.write(0); // reserved
            writeLe16(bytes, 1); // colour planes
            writeLe16(bytes, 32); // bits per pixel
            writeLe32(bytes, images[i].length);
            writeLe32(bytes, offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            bytes.write(image);
        }
        return bytes.toByteArray();
    }

    /** ICNS with PNG entries: ic07 (128), ic08 (256), ic09 (512). All fields big-endian. */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(entries);
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(draw(sizes[i]));
            out.writeBytes(types[i]);
            out.writeInt(8 + image.length);
            out.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + entries.size());
        header.write(entries.toByteArray());
        return file.toByteArray();
    }

    private static void writeLe16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void writeLe32(ByteArrayOutputStream out, int value) {
        writeLe16(out, value & 0xFFFF);
        writeLe16(out, value >>> 16);
    }
}
