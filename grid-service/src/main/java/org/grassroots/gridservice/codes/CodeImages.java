package org.grassroots.gridservice.codes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import com.google.zxing.common.BitMatrix;

/** A {@link ReportCode} drawn as a PNG or written as SVG. */
public final class CodeImages {

    /** Pixels per module in a PNG: a 33-module code becomes 264 px, sharp on a phone screen and on paper. */
    static final int PIXELS_PER_MODULE = 8;
    /** Pixels per module on the printable sheet (its PDF scales the picture to the printed size). */
    static final int SHEET_PIXELS_PER_MODULE = 4;

    private CodeImages() {
    }

    /** Black modules on white, each {@code pixelsPerModule} pixels square. */
    public static BufferedImage image(ReportCode code, int pixelsPerModule) {
        BitMatrix modules = code.modules();
        int side = code.size() * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, modules.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    public static byte[] png(ReportCode code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(code, PIXELS_PER_MODULE), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The code as SVG, one unit per module: a white square, then a black rect for each horizontal
     * run of dark modules (runs rather than single modules keep the file small). Scales to any size.
     */
    public static String svg(ReportCode code) {
        BitMatrix modules = code.modules();
        int n = code.size();
        StringBuilder svg = new StringBuilder(n * n * 4);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n).append(' ').append(n)
                .append("\" width=\"").append(n * PIXELS_PER_MODULE).append("\" height=\"")
                .append(n * PIXELS_PER_MODULE).append("\" shape-rendering=\"crispEdges\">\n")
                .append("<rect width=\"").append(n).append("\" height=\"").append(n).append("\" fill=\"#fff\"/>\n")
                .append("<g fill=\"#000\">\n");
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && modules.get(x, y)) {
                    x++;
                }
                svg.append("<rect x=\"").append(start).append("\" y=\"").append(y).append("\" width=\"")
                        .append(x - start).append("\" height=\"1\"/>\n");
            }
        }
        return svg.append("</g>\n</svg>\n").toString();
    }
}
