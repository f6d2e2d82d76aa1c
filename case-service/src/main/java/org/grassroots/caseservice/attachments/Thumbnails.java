package org.grassroots.caseservice.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes the small JPEG shown in lists, once, when a photo is stored. ImageIO reads JPEG and PNG
 * itself; TwelveMonkeys' plug-ins (found through ImageIO's service registry) add WebP and the JPEG
 * variants phones and scanners produce that the JDK's reader refuses (CMYK, broken colour profiles).
 */
public final class Thumbnails {

    /** The longer side of a thumbnail, in pixels: enough for a phone list at 3× density. */
    public static final int LONGER_SIDE = 320;

    /** Photos with more pixels than this are refused rather than decoded (a 12-megapixel phone photo has 12 million). */
    public static final long MAX_PIXELS = 60_000_000L;

    private static final float QUALITY = 0.8f;

    static {
        // Registers the plug-ins on the class path even where ImageIO was first used by another class loader.
        ImageIO.scanForPlugins();
    }

    private Thumbnails() {
    }

    /** A thumbnail and the size of the photo it was made from. */
    public record Thumbnail(byte[] jpeg, int photoWidth, int photoHeight) {
    }

    /**
     * @param orientation the EXIF orientation the photo is shown with (1 upright, 6 turned right …);
     *                    the thumbnail is turned the same way, and the width and height reported are as shown
     */
    public static Thumbnail of(byte[] photo, int orientation) throws UnreadablePhotoException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadablePhotoException("no reader for this image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new UnreadablePhotoException("the image has " + width + "×" + height
                            + " pixels; at most " + MAX_PIXELS / 1_000_000 + " million are taken");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Decode only every n-th pixel: a quarter of a 4000-pixel photo is still more than
                // twice the thumbnail, and the memory needed falls sixteenfold.
                int step = Math.max(1, Math.max(width, height) / (LONGER_SIDE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                boolean turned = orientation >= 5 && orientation <= 8;
                return new Thumbnail(jpeg(shrink(decoded, orientation)), turned ? height : width,
                        turned ? width : height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            throw new UnreadablePhotoException("the image data cannot be decoded");
        }
    }

    private static BufferedImage shrink(BufferedImage source, int orientation) {
        double scale = Math.min(1.0, (double) LONGER_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        boolean turned = orientation >= 5 && orientation <= 8;
        BufferedImage target = new BufferedImage(turned ? height : width, turned ? width : height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            // Transparent areas of a PNG or WebP become white, as JPEG has no transparency.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, target.getWidth(), target.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.transform(orientationTransform(orientation, width, height));
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Maps the stored (unturned) image of {@code width}×{@code height} onto the picture as shown. */
    private static AffineTransform orientationTransform(int orientation, int width, int height) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
            default -> new AffineTransform();
        };
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
