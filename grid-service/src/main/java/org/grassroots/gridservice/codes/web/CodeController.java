package org.grassroots.gridservice.codes.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.grassroots.gridservice.codes.CodeImages;
import org.grassroots.gridservice.codes.ReportCode;
import org.grassroots.gridservice.codes.ReportCodes;
import org.grassroots.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 码上办 codes: {@code GET /api/grids/{code}/qr[?building=]} as PNG or SVG (by {@code Accept}), and
 * {@code GET /api/grids/qr-sheet?communityId=} as a printable A4 PDF.
 */
@RestController
@RequestMapping("/api/grids")
class CodeController {

    private static final CacheControl AN_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final ReportCodes codes;

    CodeController(ReportCodes codes) {
        this.codes = codes;
    }

    /** PNG unless the caller prefers SVG ({@code Accept: image/svg+xml}); 406 for a caller that takes neither. */
    @GetMapping(path = "/{code:\\d+}/qr", produces = {MediaType.IMAGE_PNG_VALUE, "image/svg+xml"})
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> code(@PathVariable String code, @RequestParam(required = false) String building,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportCode reportCode = codes.of(code, building);
        if (prefersSvg(accept)) {
            return image(SVG, CodeImages.svg(reportCode).getBytes(StandardCharsets.UTF_8),
                    fileName(code, building, "svg"));
        }
        return image(MediaType.IMAGE_PNG, CodeImages.png(reportCode), fileName(code, building, "png"));
    }

    /** Whether {@code image/svg+xml} is asked for by name with a higher quality than PNG (or a wildcard) gets. */
    private static boolean prefersSvg(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double svg = 0;
        double png = 0;
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.equalsTypeAndSubtype(SVG)) {
                svg = Math.max(svg, type.getQualityValue());
            } else if (type.includes(MediaType.IMAGE_PNG)) {
                png = Math.max(png, type.getQualityValue());
            }
        }
        return svg > 0 && svg >= png;
    }

    @GetMapping(path = "/qr-sheet", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff', 'grid_worker')")
    ResponseEntity<byte[]> sheet(@RequestParam String communityId, Caller caller) {
        byte[] pdf = codes.sheet(communityId, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("qr-sheet-" + communityId + ".pdf").build().toString())
                .body(pdf);
    }

    private static ResponseEntity<byte[]> image(MediaType type, byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(type).cacheControl(AN_HOUR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static String fileName(String code, String building, String extension) {
        return "qr-" + code + (building == null ? "" : "-" + building.strip()) + "." + extension;
    }
}
