package org.grassroots.gridservice.codes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The printable A4 sheet of a community's codes: three across and four down, each code 4 cm wide
 * with its name and number under it, cut lines around each. The Chinese font is embedded (only the
 * glyphs used), and so is a Latin font for digits and letters, so the sheet prints the same wherever
 * it is opened.
 */
public final class CodeSheet {

    /** One code on the sheet and the two lines printed under it. */
    public record Entry(ReportCode code, String name, String detail) {
    }

    private static final float MARGIN = 36;
    private static final float HEADER = 34;
    private static final int COLUMNS = 3;
    private static final int ROWS = 4;
    private static final float CODE_SIDE = 113; // 4 cm
    private static final float NAME_SIZE = 11;
    private static final float DETAIL_SIZE = 8;

    private CodeSheet() {
    }

    /**
     * @param font      a TrueType font with the Chinese glyphs of the names (see {@code fonts/README.md})
     * @param latinFont a TrueType font for digits and Latin letters, which the Chinese font may lack
     */
    public static byte[] pdf(String title, List<Entry> entries, InputStream font, InputStream latinFont) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Grassroots grid-service");
            Fonts type = new Fonts(PDType0Font.load(document, font, true), PDType0Font.load(document, latinFont, true));
            PDRectangle a4 = PDRectangle.A4;
            float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            float cellHeight = (a4.getHeight() - 2 * MARGIN - HEADER) / ROWS;
            int perPage = COLUMNS * ROWS;
            int pages = Math.max(1, (entries.size() + perPage - 1) / perPage);
            for (int page = 0; page < pages; page++) {
                PDPage pdfPage = new PDPage(a4);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    String heading = title + (pages > 1 ? "（" + (page + 1) + "/" + pages + "）" : "");
                    text(content, type, 14, heading, MARGIN, a4.getHeight() - MARGIN - 16, a4.getWidth() - 2 * MARGIN,
                            false);
                    List<Entry> onPage = entries.subList(page * perPage, Math.min(entries.size(), (page + 1) * perPage));
                    for (int i = 0; i < onPage.size(); i++) {
                        float left = MARGIN + (i % COLUMNS) * cellWidth;
                        float top = a4.getHeight() - MARGIN - HEADER - (i / COLUMNS) * cellHeight;
                        cell(document, content, type, onPage.get(i), left, top, cellWidth, cellHeight);
                    }
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(PDDocument document, PDPageContentStream content, Fonts font, Entry entry,
            float left, float top, float width, float height) throws IOException {
        // dashed cut lines
        content.setLineWidth(0.3f);
        content.setStrokingColor(0.7f);
        content.setLineDashPattern(new float[] {3, 3}, 0);
        content.addRect(left, top - height, width, height);
        content.stroke();
        content.setLineDashPattern(new float[] {}, 0);
        content.setStrokingColor(0f);

        PDImageXObject image = LosslessFactory.createFromImage(document, CodeImages.image(entry.code(), CodeImages.SHEET_PIXELS_PER_MODULE));
        float codeLeft = left + (width - CODE_SIDE) / 2;
        float codeBottom = top - 14 - CODE_SIDE;
        content.drawImage(image, codeLeft, codeBottom, CODE_SIDE, CODE_SIDE);
        text(content, font, NAME_SIZE, entry.name(), left + 6, codeBottom - 16, width - 12, true);
        text(content, font, DETAIL_SIZE, entry.detail(), left + 6, codeBottom - 30, width - 12, true);
    }

    /** One line of text, made smaller until it fits {@code maxWidth}; centred or from {@code left}. */
    private static void text(PDPageContentStream content, Fonts fonts, float size, String text, float left,
            float baseline, float maxWidth, boolean centred) throws IOException {
        List<Run> runs = fonts.runs(text);
        float unitWidth = 0;
        for (Run run : runs) {
            unitWidth += run.font().getStringWidth(run.text()) / 1000;
        }
        float fitted = size;
        while (unitWidth * fitted > maxWidth && fitted > 5) {
            fitted -= 0.5f;
        }
        float width = unitWidth * fitted;
        content.beginText();
        content.setNonStrokingColor(0f);
        content.newLineAtOffset(centred ? left + (maxWidth - width) / 2 : left, baseline);
        for (Run run : runs) {
            content.setFont(run.font(), fitted);
            content.showText(run.text());
        }
        content.endText();
    }

    /** A stretch of text in one font. */
    private record Run(PDFont font, String text) {
    }

    /**
     * The Chinese font for what it has glyphs for, the Latin font for the rest: Droid Sans Fallback,
     * as its name says, has Chinese but no Latin letters or digits. Both are embedded (PDFBox's
     * built-in Helvetica would make it scan the machine's fonts on first use, seconds at start).
     */
    private static final class Fonts {

        private final PDType0Font cjk;
        private final PDType0Font latin;
        private final Map<Integer, PDFont> byCodePoint = new HashMap<>();

        Fonts(PDType0Font cjk, PDType0Font latin) {
            this.cjk = cjk;
            this.latin = latin;
        }

        List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDFont currentFont = null;
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                PDFont font = byCodePoint.computeIfAbsent(codePoint, this::fontFor);
                if (font != currentFont && !current.isEmpty()) {
                    runs.add(new Run(currentFont, current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.appendCodePoint(codePoint);
                i += Character.charCount(codePoint);
            }
            if (!current.isEmpty()) {
                runs.add(new Run(currentFont, current.toString()));
            }
            return runs;
        }

        private PDFont fontFor(int codePoint) {
            String character = new String(Character.toChars(codePoint));
            for (PDType0Font font : List.of(cjk, latin)) {
                try {
                    font.encode(character);
                    return font;
                } catch (IllegalArgumentException | IOException noGlyph) {
                    // try the next font
                }
            }
            return latin; // PDFBox will refuse it, naming the character
        }
    }
}
