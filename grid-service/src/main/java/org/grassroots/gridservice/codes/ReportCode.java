package org.grassroots.gridservice.codes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
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

    public static ReportCode of(String publicUrl, String gridCode, String building) {
        String address = publicUrl + "/m/report?grid=" + encode(gridCode)
                + (building == null ? "" : "&building=" + encode(building));
        try {
            BitMatrix modules = new QRCodeWriter().encode(address, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            return new ReportCode(address, modules);
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("The address does not fit in a QR code: " + address, tooLong);
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
