package org.grassroots.caseservice.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Removes what a photo says beyond its pixels before it is stored: EXIF (the phone's make and
 * model, the time, the exact GPS position), XMP, comments and text chunks. The image data itself
 * is copied byte for byte, so nothing is re-encoded and no quality is lost.
 *
 * <ul>
 *   <li>JPEG: every APPn segment and comment goes, except JFIF (APP0), the colour profile
 *       (APP2 {@code ICC_PROFILE}) and Adobe's colour transform (APP14), which the pixels need to be
 *       shown right; anything after the end-of-image marker goes too (some phones put metadata
 *       there). A photo turned by its EXIF orientation keeps that one value, in a new EXIF segment
 *       holding nothing else, so it is not shown on its side.</li>
 *   <li>PNG: only the chunks that describe pixels and colour stay (IHDR, PLTE, IDAT, IEND, tRNS,
 *       gAMA, cHRM, sRGB, iCCP, sBIT, pHYs, bKGD and APNG's acTL, fcTL, fdAT); tEXt, zTXt, iTXt,
 *       eXIf, tIME and unknown chunks go.</li>
 *   <li>WebP: EXIF and XMP chunks and unknown chunks go, and the extended header's flags stop
 *       announcing them.</li>
 * </ul>
 */
public final class MetadataRemover {

    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
            "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "acTL", "fcTL", "fdAT");
    private static final Set<String> WEBP_KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int EXIF_ORIENTATION_TAG = 0x0112;
    private static final int WEBP_EXIF_FLAG = 0x08;
    private static final int WEBP_XMP_FLAG = 0x04;

    private MetadataRemover() {
    }

    /** What is left of a photo without its metadata, and the EXIF orientation it had (1 = upright). */
    public record Cleaned(byte[] bytes, int orientation) {
    }

    public static Cleaned clean(ImageFormat format, byte[] photo) throws UnreadablePhotoException {
        try {
            return switch (format) {
                case JPEG -> jpeg(photo);
                case PNG -> new Cleaned(png(photo), 1);
                case WEBP -> new Cleaned(webp(photo), 1);
            };
        } catch (IndexOutOfBoundsException truncated) {
            throw new UnreadablePhotoException("the " + format + " data ends too early");
        }
    }

    // JPEG: a sequence of marker segments (FF xx, then a two-byte length that counts itself), the
    // entropy-coded image data after each start-of-scan, and the end-of-image marker FF D9.

    private static Cleaned jpeg(byte[] in) throws UnreadablePhotoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 1;
        int exifInsertAt = 2;
        int pos = 2;
        while (true) {
            if ((in[pos] & 0xFF) != 0xFF) {
                throw new UnreadablePhotoException("the JPEG has no marker where one must be");
            }
            while ((in[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            int marker = in[pos++] & 0xFF;
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue; // markers without a length
            }
            int length = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
            if (length < 2 || pos + length > in.length) {
                throw new UnreadablePhotoException("a JPEG segment claims more bytes than there are");
            }
            int start = pos - 2;
            int end = pos + length;
            if (marker == 0xE1 && startsWith(in, pos + 2, "Exif\0\0")) {
                orientation = exifOrientation(in, pos + 8, end);
            }
            if (keepJpegSegment(marker, in, pos + 2)) {
                out.write(in, start, end - start);
                if (marker == 0xE0 && out.size() == 2 + (end - start)) {
                    exifInsertAt = out.size(); // JFIF must stay first; the orientation follows it
                }
            }
            pos = end;
            if (marker == 0xDA) {
                pos = copyEntropyData(in, pos, out);
            }
        }
        byte[] cleaned = out.toByteArray();
        if (orientation >= 2 && orientation <= 8) {
            cleaned = insert(cleaned, exifInsertAt, orientationSegment(orientation));
        }
        return new Cleaned(cleaned, orientation);
    }

    private static boolean keepJpegSegment(int marker, byte[] in, int payload) {
        if (marker == 0xFE) {
            return false; // comment
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true; // tables, frame and scan headers: the image itself
        }
        return (marker == 0xE0 && (startsWith(in, payload, "JFIF\0") || startsWith(in, payload, "JFXX\0")))
                || (marker == 0xE2 && startsWith(in, payload, "ICC_PROFILE\0"))
                || (marker == 0xEE && startsWith(in, payload, "Adobe"));
    }

    /** Copies a scan's entropy-coded data up to the next marker that is not part of it; returns where that marker is. */
    private static int copyEntropyData(byte[] in, int pos, ByteArrayOutputStream out) {
        int start = pos;
        while (true) {
            if ((in[pos] & 0xFF) == 0xFF) {
                int next = in[pos + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos += 2; // a stuffed FF or a restart marker belongs to the data
                    continue;
                }
                if (next == 0xFF) {
                    pos++;
                    continue;
                }
                out.write(in, start, pos - start);
                return pos;
            }
            pos++;
        }
    }

    /** The orientation (tag 274) in IFD0 of an EXIF block (a TIFF structure from {@code tiff}), or 1. */
    private static int exifOrientation(byte[] in, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = in[tiff] == 'I' && in[tiff + 1] == 'I';
        if (!little && !(in[tiff] == 'M' && in[tiff + 1] == 'M')) {
            return 1;
        }
        long ifd = tiff + readInt(in, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = readShort(in, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (readShort(in, entry, little) == EXIF_ORIENTATION_TAG && readShort(in, entry + 2, little) == 3) {
                return readShort(in, entry + 8, little);
            }
        }
        return 1;
    }

    /** An APP1 EXIF segment holding one value: the orientation. */
    static byte[] orientationSegment(int orientation) {
        byte[] tiff = {'M', 'M', 0, 0x2A, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // orientation, SHORT, 1 value
                0, 0, 0, 0}; // no next IFD
        byte[] identifier = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + identifier.length + tiff.length;
        ByteArrayOutputStream segment = new ByteArrayOutputStream(length + 2);
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length & 0xFF);
        segment.writeBytes(identifier);
        segment.writeBytes(tiff);
        return segment.toByteArray();
    }

    // PNG: the 8-byte signature, then chunks of length (4, big-endian), type (4), data, CRC (4).

    private static byte[] png(byte[] in) throws UnreadablePhotoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int pos = 8;
        while (true) {
            long length = readInt(in, pos, false);
            if (length < 0 || pos + 12 + length > in.length) {
                throw new UnreadablePhotoException("a PNG chunk claims more bytes than there are");
            }
            String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int end = pos + 12 + (int) length;
            if (PNG_KEPT.contains(type)) {
                out.write(in, pos, end - pos);
            }
            pos = end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    // WebP: "RIFF", the size of what follows (4, little-endian), "WEBP", then chunks of FourCC (4),
    // size (4, little-endian) and data padded to an even length.

    private static byte[] webp(byte[] in) throws UnreadablePhotoException {
        long riffEnd = Math.min(in.length, 8 + readInt(in, 4, true));
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(in.length);
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            String fourCc = new String(in, pos, 4, StandardCharsets.ISO_8859_1);
            long size = readInt(in, pos + 4, true);
            long end = pos + 8 + size + (size & 1);
            if (pos + 8 + size > in.length) {
                throw new UnreadablePhotoException("a WebP chunk claims more bytes than there are");
            }
            if (WEBP_KEPT.contains(fourCc)) {
                int chunkStart = chunks.size();
                chunks.write(in, pos, (int) (pos + 8 + size - pos));
                if ((size & 1) == 1) {
                    chunks.write(0);
                }
                if (fourCc.equals("VP8X")) {
                    byte[] sofar = chunks.toByteArray();
                    sofar[chunkStart + 8] &= (byte) ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG);
                    chunks.reset();
                    chunks.writeBytes(sofar);
                }
            }
            pos = (int) end;
        }
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        int riffSize = 4 + body.length;
        out.write(riffSize & 0xFF);
        out.write((riffSize >> 8) & 0xFF);
        out.write((riffSize >> 16) & 0xFF);
        out.write((riffSize >> 24) & 0xFF);
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static boolean startsWith(byte[] bytes, int offset, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (offset + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readShort(byte[] in, int at, boolean little) {
        int a = in[at] & 0xFF;
        int b = in[at + 1] & 0xFF;
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private static long readInt(byte[] in, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (in[at + i] & 0xFF) << shift;
        }
        return value;
    }
}
