import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Draws the demo cases' photos with Java2D, so the demo needs no picture files and no camera: a
 * street corner with rubbish piled beside a bin, the same corner cleaned up, shared bicycles piled
 * at a gate and the gate cleared, and a dark street light. Pictures of nothing and nobody real; no metadata.
 *
 * <p>Run by 30-case.sh as {@code java DemoPhotos.java <folder>} (the JDK runs a single source file).
 */
public class DemoPhotos {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 960;

    public static void main(String[] args) throws IOException {
        File folder = new File(args.length > 0 ? args[0] : ".");
        folder.mkdirs();
        write(rubbish(true), new File(folder, "rubbish-before.jpg"));
        write(rubbish(false), new File(folder, "rubbish-after.jpg"));
        write(bicycles(true), new File(folder, "bicycles.jpg"));
        write(bicycles(false), new File(folder, "gate-cleared.jpg"));
        write(streetLight(), new File(folder, "street-light.jpg"));
    }

    private static BufferedImage rubbish(boolean piled) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = street(image, new Color(0x9cc3e6), new Color(0xe8eef4));
        // a green wheelie bin
        g.setColor(new Color(0x2e7d32));
        g.fillRoundRect(760, 420, 180, 260, 18, 18);
        g.setColor(new Color(0x1b5e20));
        g.fillRect(745, 400, 210, 34);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(770, 665, 40, 40);
        g.fillOval(890, 665, 40, 40);
        if (piled) {
            Random random = new Random(17);
            for (int i = 0; i < 26; i++) {
                int x = 470 + random.nextInt(300);
                int y = 560 + random.nextInt(120);
                int size = 50 + random.nextInt(70);
                g.setColor(random.nextBoolean() ? new Color(0x212121) : new Color(0x5d4037 + random.nextInt(0x20)));
                g.fillOval(x, y, size, (int) (size * 0.8));
                g.setColor(new Color(255, 255, 255, 60));
                g.fillOval(x + size / 4, y + size / 6, size / 4, size / 6);
            }
            g.setColor(new Color(0xffb300));
            g.fillRect(610, 600, 60, 40);
            g.setColor(new Color(0x90a4ae));
            g.fillRect(540, 650, 90, 30);
        }
        g.dispose();
        return image;
    }

    private static BufferedImage bicycles(boolean piled) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = street(image, new Color(0xb3d4ef), new Color(0xf1f5f8));
        // a gate: two pillars and a bar
        g.setColor(new Color(0xbcaaa4));
        g.fillRect(180, 300, 70, 420);
        g.fillRect(1030, 300, 70, 420);
        g.setColor(new Color(0x8d6e63));
        g.fillRect(180, 290, 920, 30);
        Random random = new Random(5);
        Color[] frames = {new Color(0xfbc02d), new Color(0x1e88e5), new Color(0x43a047), new Color(0xe53935)};
        g.setStroke(new BasicStroke(7));
        for (int i = 0; i < (piled ? 14 : 0); i++) {
            int x = 250 + random.nextInt(720);
            int y = 560 + random.nextInt(120);
            double tilt = (random.nextDouble() - 0.5) * 0.8;
            Graphics2D bike = (Graphics2D) g.create();
            bike.rotate(tilt, x + 80, y + 40);
            bike.setColor(Color.DARK_GRAY);
            bike.drawOval(x, y, 80, 80);
            bike.drawOval(x + 130, y, 80, 80);
            bike.setColor(frames[i % frames.length]);
            bike.drawLine(x + 40, y + 40, x + 95, y - 10);
            bike.drawLine(x + 95, y - 10, x + 170, y + 40);
            bike.drawLine(x + 40, y + 40, x + 170, y + 40);
            bike.drawLine(x + 95, y - 10, x + 150, y - 20);
            bike.dispose();
        }
        g.dispose();
        return image;
    }

    private static BufferedImage streetLight() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = street(image, new Color(0x0d1b2a), new Color(0x1b263b));
        Random random = new Random(3);
        g.setColor(new Color(255, 255, 255, 180));
        for (int i = 0; i < 60; i++) {
            g.fillOval(random.nextInt(WIDTH), random.nextInt(380), 3, 3);
        }
        g.setColor(new Color(0x546e7a));
        g.fillRect(600, 180, 26, 540);
        g.fillRect(600, 180, 200, 18);
        g.setColor(new Color(0x37474f)); // the lamp, dark
        g.fillRoundRect(760, 190, 90, 36, 12, 12);
        g.dispose();
        return image;
    }

    /** Sky, a row of buildings, pavement and road; returns the graphics to draw the rest with. */
    private static Graphics2D street(BufferedImage image, Color skyTop, Color skyBottom) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, skyTop, 0, 420, skyBottom));
        g.fillRect(0, 0, WIDTH, 420);
        Random random = new Random(11);
        for (int x = 0; x < WIDTH; x += 160) {
            int height = 140 + random.nextInt(160);
            g.setColor(new Color(0xcfd8dc).darker());
            g.fillRect(x, 420 - height, 150, height);
            g.setColor(new Color(0xfff59d));
            for (int wy = 420 - height + 20; wy < 400; wy += 40) {
                for (int wx = x + 15; wx < x + 140; wx += 40) {
                    g.fillRect(wx, wy, 20, 22);
                }
            }
        }
        g.setColor(new Color(0xbdbdbd));
        g.fillRect(0, 420, WIDTH, 320);
        g.setColor(new Color(0x616161));
        g.fillRect(0, 740, WIDTH, 220);
        g.setColor(Color.WHITE);
        for (int x = 40; x < WIDTH; x += 200) {
            g.fillRect(x, 840, 110, 12);
        }
        return g;
    }

    private static void write(BufferedImage image, File file) throws IOException {
        if (!ImageIO.write(image, "jpeg", file)) {
            throw new IOException("no JPEG writer");
        }
    }
}
