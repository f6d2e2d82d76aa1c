package org.grassroots.gridservice.codes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A 码上办 code: the address of the phone report page with the grid (and building) filled in, as a
 * QR code. Error correction M (15 % of the code may be dirty or torn, as on a board outdoors) and
 * the standard quiet zone of four modules.
 *
 * @param address what the code holds
 * @param modules the code's modules, quiet zone included: true is dark
 */
public record ReportCode(String address, BitMatrix modules) {

    private static final int QUIET_ZONE = 4;
    private static final int MASK_PATTERNS = 8;

    /**
     * The encoder picks the mask the standard's penalty rules favour, but for about one address in
     * two hundred that mask leaves a pattern that misleads a common decoder's search for the corner
     * squares, and the printed code would not scan. Such an address is encoded again with the next
     * mask until a decoder reads it back.
     */
    public static ReportCode of(String publicUrl, String gridCode, String building) {
        String address = publicUrl + "/m/report?grid=" + encode(gridCode)
                + (building == null ? "" : "&building=" + encode(building));
        BitMatrix modules = modules(address, null);
        for (int mask = 0; mask < MASK_PATTERNS && !readable(modules, address); mask++) {
            modules = modules(address, mask);
        }
        return new ReportCode(address, modules);
    }

    private static BitMatrix modules(String address, Integer mask) {
        Map<EncodeHintType, Object> hints = new HashMap<>(Map.of(EncodeHintType.ERROR_CORRECTION,
                ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.CHARACTER_SET,
                StandardCharsets.UTF_8.name()));
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("The address does not fit in a QR code: " + address, tooLong);
        }
    }

    /**
     * Whether a decoder reads the address back from the modules at every scale they are drawn at: a
     * code that reads at the sheet's four pixels to a module may not at the PNG's eight.
     */
    private static boolean readable(BitMatrix modules, String address) {
        return readable(modules, address, CodeImages.SHEET_PIXELS_PER_MODULE)
                && readable(modules, address, CodeImages.PIXELS_PER_MODULE);
    }

    private static boolean readable(BitMatrix modules, String address, int scale) {
        int side = modules.getWidth() * scale;
        byte[] luminance = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                luminance[y * side + x] = modules.get(x / scale, y / scale) ? 0 : (byte) 0xFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new PlanarYUVLuminanceSource(luminance, side, side, 0, 0, side, side, false)));
        try {
            return address.equals(new QRCodeReader().decode(bitmap).getText());
        } catch (ReaderException unreadable) {
            return false;
        }
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return modules.getWidth();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
