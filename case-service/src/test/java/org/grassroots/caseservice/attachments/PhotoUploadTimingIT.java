package org.grassroots.caseservice.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What a 5 MB phone photo (12 megapixels, 4000×3000) costs: the whole upload through the API
 * (multipart parsing, metadata removal, thumbnail, hash, GridFS write, the case update) and the
 * cleaning and thumbnail alone, each the median of five after one warm-up; and the size stored.
 * The figures are printed (and logged) for docs/case-service.md; the test asserts only what must hold.
 */
@ServiceIntegrationTest
class PhotoUploadTimingIT {

    private static final Logger log = LoggerFactory.getLogger(PhotoUploadTimingIT.class);
    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RESIDENT = TestTokens.resident("resident-timing", CHENGNAN).bearer();

    @LocalServerPort
    int port;

    @Test
    void givenAFiveMegabytePhoto_whenUploaded_thenItsTimesAndStoredSizeAreReported() throws Exception {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        byte[] photo = phonePhoto();
        assertThat(photo.length).isBetween(4_500_000, 6_000_000);

        List<Long> prepareMillis = new ArrayList<>();
        Photo prepared = null;
        for (int run = 0; run < 6; run++) {
            long start = System.nanoTime();
            prepared = Photo.prepare(ImageFormat.JPEG, photo);
            if (run > 0) {
                prepareMillis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        List<Long> uploadMillis = new ArrayList<>();
        long storedSize = 0;
        for (int run = 0; run < 6; run++) {
            String caseId = report(client);
            long start = System.nanoTime();
            List<Map<String, Object>> stored = client.post().uri("/api/cases/" + caseId + "/attachments")
                    .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(AttachmentsIT.form(AttachmentsIT.part("IMG_5MB.jpg", "image/jpeg", photo)))
                    .exchange().expectStatus().isCreated()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).returnResult().getResponseBody();
            if (run > 0) {
                uploadMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            storedSize = ((Number) stored.get(0).get("size")).longValue();
        }

        String figures = String.format("5 MB photo: sent %d bytes (%dx%d), stored %d bytes, thumbnail %d bytes;"
                + " clean+thumbnail+hash median %d ms; whole upload median %d ms (runs %s)", photo.length, 4000, 3000,
                storedSize, prepared.thumbnail().length, median(prepareMillis), median(uploadMillis), uploadMillis);
        System.out.println(figures);
        log.info(figures);
        assertThat(storedSize).isLessThanOrEqualTo(photo.length).isEqualTo(prepared.bytes().length);
    }

    /** 12 megapixels of gradient and sensor-like noise, as a phone camera's JPEG at quality 90. */
    private static byte[] phonePhoto() throws IOException {
        int width = 4000;
        int height = 3000;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(47) - 23;
                image.setRGB(x, y, clamp(x * 255 / width + noise) << 16 | clamp(y * 255 / height + noise) << 8
                        | clamp(128 + noise));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String report(RestTestClient client) {
        Map<?, ?> created = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON).body(AttachmentsIT.RUBBISH)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }
}
