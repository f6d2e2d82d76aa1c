package org.grassroots.caseservice.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.AttachmentStage;
import org.grassroots.contracts.cases.CaseAttachmentsAdded;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Photos of a case through the API, stored in GridFS on the test store (the embedded
 * mongo-java-server, or a MongoDB container where Docker answers) and announced on case-events.
 */
@ServiceIntegrationTest
class AttachmentsIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RUBBISH = """
            {"categoryCode": "EXPOSED_RUBBISH",
             "description": "单元门口生活垃圾堆放两天无人清运",
             "point": {"lon": 119.0213, "lat": 33.6012},
             "locationDescription": "3栋2单元门口"}
            """;
    static final String RESIDENT_1 = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String RESIDENT_2 = TestTokens.resident("resident-2", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();
    static final String HOUSING = TestTokens.departmentStaff("housing-1", "dept-housing", "/qjp").bearer();
    static final String URBAN = TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer();

    record Listed(String id, AttachmentStage stage, String contentType, long size, String sha256, int width,
            int height, String createdAt) {
    }

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenTextBytes_whenUploaded_thenTheyAreRefusedWith415NamingTheFileAndNothingIsStored() {
        String caseId = report(RESIDENT_1);

        client.post().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(part("notes.txt", "text/plain", "垃圾照片稍后补".getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:unsupported-media-type")
                .jsonPath("$.errors[0].field").isEqualTo("file[0]");
        assertThat(list(caseId, RESIDENT_1)).isEmpty();
    }

    @Test
    void givenAFileNamedAndDeclaredJpegHoldingOtherBytes_whenUploaded_thenItIsRefusedWith415() {
        String caseId = report(RESIDENT_1);
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);

        client.post().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(part("IMG_0001.jpg", "image/jpeg", gif)))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("file[0]").contains("not a JPEG, PNG or WebP"));
    }

    @Test
    void givenAPngNamedJpeg_whenUploaded_thenItIsStoredAsThePngItIs() throws IOException {
        String caseId = report(RESIDENT_1);

        List<Listed> stored = upload(caseId, RESIDENT_1, "REPORT", part("photo.jpg", "image/jpeg",
                PhotoTest.fixture("pothole.png")));

        assertThat(stored).singleElement().satisfies(photo -> assertThat(photo.contentType()).isEqualTo("image/png"));
    }

    @Test
    void givenAFileOverTenMegabytes_whenUploaded_thenItIsRefusedWith413NamingTheFile() throws IOException {
        String caseId = report(RESIDENT_1);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        byte[] jpeg = PhotoTest.fixture("street-gps.jpg");
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);

        client.post().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(part("big.jpg", "image/jpeg", big)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:payload-too-large")
                .jsonPath("$.errors[0].field").isEqualTo("file[0]")
                .jsonPath("$.errors[0].reason").isEqualTo("is larger than 10 MB");
    }

    @Test
    void givenNinePhotosOnTheReport_whenATenthIsSent_thenItIsRefusedWith400() throws IOException {
        String caseId = report(RESIDENT_1);
        byte[] png = PhotoTest.fixture("pothole.png");
        Part[] nine = new Part[9];
        for (int i = 0; i < 9; i++) {
            nine[i] = part("p" + i + ".png", "image/png", png);
        }
        client.post().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form(nine)).exchange().expectStatus().isCreated();

        client.post().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(part("p9.png", "image/png", png)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].reason").value(String.class, reason -> assertThat(reason).contains("at most 9"));
        assertThat(list(caseId, RESIDENT_1)).hasSize(9);
    }

    @Test
    void givenAPhotoWithExifGps_whenStoredAndReadBack_thenPositionAndPhoneAreGoneAndItIsServedForCaching()
            throws Exception {
        String caseId = report(RESIDENT_1);
        byte[] sent = PhotoTest.fixture("street-gps.jpg");

        Listed stored = upload(caseId, RESIDENT_1, "REPORT", part("IMG_2041.jpg", "image/jpeg", sent)).get(0);

        assertThat(stored.stage()).isEqualTo(AttachmentStage.REPORT);
        assertThat(stored.width()).isEqualTo(480);
        assertThat(stored.height()).isEqualTo(640);
        var answer = client.get().uri("/api/cases/" + caseId + "/attachments/" + stored.id())
                .header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + stored.sha256() + "\"")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL,
                        value -> assertThat(value).contains("private").contains("max-age=31536000"))
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + stored.id() + ".jpg\"")
                .expectBody(byte[].class).returnResult();
        byte[] served = answer.getResponseBody();
        assertThat(Photo.sha256(served)).isEqualTo(stored.sha256());
        assertThat(served).hasSize((int) stored.size());
        assertThat(PhotoTest.contains(served, "TestPhone")).isFalse();
        assertThat(PhotoTest.contains(served, "Test Creator")).isFalse();
        assertThat(PhotoTest.contains(served, "a test comment")).isFalse();
        // the GPS IFD is gone: the only EXIF left is the 26-byte orientation block
        assertThat(PhotoTest.occurrences(served, "Exif\0\0")).isEqualTo(1);
        assertThat(MetadataRemover.clean(ImageFormat.JPEG, served).orientation()).isEqualTo(6);

        client.get().uri("/api/cases/" + caseId + "/attachments/" + stored.id())
                .header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .header(HttpHeaders.IF_NONE_MATCH, "\"" + stored.sha256() + "\"")
                .exchange()
                .expectStatus().isNotModified();
        byte[] thumbnail = client.get().uri("/api/cases/" + caseId + "/attachments/" + stored.id() + "/thumbnail")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT_1)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getHeight()).isEqualTo(Thumbnails.LONGER_SIDE);
    }

    @Test
    void givenAnotherResident_whenAskingForThePhotoOrAddingOne_thenForThemItDoesNotExist() throws IOException {
        String caseId = report(RESIDENT_1);
        Listed stored = upload(caseId, RESIDENT_1, "REPORT",
                part("a.webp", "image/webp", PhotoTest.fixture("rubbish.webp"))).get(0);

        for (String path : List.of("", "/" + stored.id(), "/" + stored.id() + "/thumbnail")) {
            client.get().uri("/api/cases/" + caseId + "/attachments" + path).header(HttpHeaders.AUTHORIZATION, RESIDENT_2)
                    .exchange().expectStatus().isNotFound();
        }
        client.post().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, RESIDENT_2)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(part("b.webp", "image/webp", PhotoTest.fixture("rubbish.webp"))))
                .exchange().expectStatus().isNotFound();
        // an attachment id under a case that does not name it gives nothing either
        String other = report(RESIDENT_2);
        client.get().uri("/api/cases/" + other + "/attachments/" + stored.id()).header(HttpHeaders.AUTHORIZATION, RESIDENT_2)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void givenACaseDispatchedToHousing_whenHousingAndUrbanAskForItsPhoto_thenHousingGetsItAndUrbanDoesNot()
            throws IOException {
        String caseId = report(RESIDENT_1);
        Listed stored = upload(caseId, RESIDENT_1, "REPORT",
                part("a.jpg", "image/jpeg", PhotoTest.fixture("street-gps.jpg"))).get(0);
        command(caseId, "accept", DISPATCHER, "{}");
        command(caseId, "dispatch", DISPATCHER,
                "{\"assignee\": {\"kind\": \"DEPARTMENT\", \"id\": \"dept-housing\", \"displayName\": \"区住建局\"}}");

        client.get().uri("/api/cases/" + caseId + "/attachments/" + stored.id()).header(HttpHeaders.AUTHORIZATION, HOUSING)
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG);
        client.get().uri("/api/cases/" + caseId + "/attachments/" + stored.id()).header(HttpHeaders.AUTHORIZATION, URBAN)
                .exchange().expectStatus().isNotFound();
        client.get().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo(stored.id());
    }

    @Test
    void givenTheAssignee_whenAddingResolutionPhotos_thenOnlyOnceClaimedAndNeverToTheReport() throws IOException {
        String caseId = report(RESIDENT_1);
        command(caseId, "accept", DISPATCHER, "{}");
        command(caseId, "dispatch", DISPATCHER,
                "{\"assignee\": {\"kind\": \"DEPARTMENT\", \"id\": \"dept-housing\", \"displayName\": \"区住建局\"}}");
        byte[] png = PhotoTest.fixture("pothole.png");

        uploadAnswer(caseId, HOUSING, "RESOLUTION", png).expectStatus().isEqualTo(409);
        command(caseId, "claim", HOUSING, "{}");
        uploadAnswer(caseId, HOUSING, "REPORT", png).expectStatus().isForbidden();
        uploadAnswer(caseId, RESIDENT_1, "REPORT", png).expectStatus().isEqualTo(409);
        uploadAnswer(caseId, HOUSING, "RESOLUTION", png).expectStatus().isCreated();
        uploadAnswer(caseId, DISPATCHER, "NOTE", png).expectStatus().isCreated();

        assertThat(list(caseId, RESIDENT_1)).extracting(Listed::stage)
                .containsExactly(AttachmentStage.RESOLUTION, AttachmentStage.NOTE);
    }

    @Test
    void givenPhotosAdded_whenCaseEventsAreRead_thenTheEventNamesIdsTypesSizesAndHashesButNoBytesNorAddress()
            throws IOException {
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            String caseId = report(RESIDENT_1);
            List<Listed> stored = upload(caseId, RESIDENT_1, "REPORT",
                    part("a.jpg", "image/jpeg", PhotoTest.fixture("street-gps.jpg")),
                    part("b.png", "image/png", PhotoTest.fixture("pothole.png")));

            ConsumerRecord<String, byte[]> record = probe.awaitRecords(r -> caseId.equals(r.key())
                    && "org.grassroots.case.attachments-added".equals(TopicProbe.header(r, CloudEventHeaders.TYPE)),
                    1, Duration.ofSeconds(20)).get(0);

            CaseAttachmentsAdded event = codec.read(record.value(), CaseAttachmentsAdded.class);
            assertThat(event.stage()).isEqualTo(AttachmentStage.REPORT);
            assertThat(event.addedBy()).isNull();
            assertThat(event.aggregateVersion()).isEqualTo(2);
            assertThat(event.attachments()).extracting(CaseAttachmentsAdded.Attachment::id)
                    .containsExactly(stored.get(0).id(), stored.get(1).id());
            assertThat(event.attachments().get(0).sha256()).isEqualTo(stored.get(0).sha256());
            assertThat(event.attachments().get(1).contentType()).isEqualTo("image/png");
            assertThat(event.attachments().get(1).size()).isEqualTo(stored.get(1).size());
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(json).doesNotContain("http").doesNotContain("/api/").doesNotContain("resident-1")
                    .doesNotContain("TestPhone");
            assertThat(record.value().length).isLessThan(4096);
        }
    }

    @Test
    void givenAPhotoLargerThanAGridFsChunk_whenStoredOnTheTestStore_thenItComesBackByteForByteFromSeveralChunks()
            throws IOException {
        String caseId = report(RESIDENT_1);
        byte[] noise = noisePng(700, 500);

        Listed stored = upload(caseId, RESIDENT_1, "REPORT", part("noise.png", "image/png", noise)).get(0);

        byte[] served = client.get().uri("/api/cases/" + caseId + "/attachments/" + stored.id())
                .header(HttpHeaders.AUTHORIZATION, RESIDENT_1).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(noise); // a PNG without text chunks is stored unchanged
        assertThat(Photo.sha256(served)).isEqualTo(stored.sha256());
        long chunks = mongo.getCollection("attachments.chunks").countDocuments(new Document("files_id", stored.id()));
        assertThat(chunks).isEqualTo((noise.length + 255 * 1024 - 1) / (255 * 1024)).isGreaterThan(1);
        Document file = mongo.getCollection("attachments.files").find(new Document("_id", stored.id())).first();
        assertThat(file.get("metadata", Document.class).getString("caseId")).isEqualTo(caseId);
    }

    // helpers

    private static byte[] noisePng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private RestTestClient.ResponseSpec uploadAnswer(String caseId, String bearer, String stage, byte[] png) {
        return client.post().uri("/api/cases/" + caseId + "/attachments?stage=" + stage)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(part("p.png", "image/png", png)))
                .exchange();
    }

    private List<Listed> upload(String caseId, String bearer, String stage, Part... parts) {
        return client.post().uri("/api/cases/" + caseId + "/attachments?stage=" + stage)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form(parts))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<List<Listed>>() {
                }).returnResult().getResponseBody();
    }

    private List<Listed> list(String caseId, String bearer) {
        return client.get().uri("/api/cases/" + caseId + "/attachments").header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Listed>>() {
                }).returnResult().getResponseBody();
    }

    record Part(String fileName, String contentType, byte[] bytes) {
    }

    static Part part(String fileName, String contentType, byte[] bytes) {
        return new Part(fileName, contentType, bytes);
    }

    /** A multipart form with one part named {@code file} per photo, each with its file name and declared type. */
    static MultiValueMap<String, Object> form(Part... parts) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (Part part : parts) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(part.contentType()));
            headers.setContentDisposition(ContentDisposition.formData().name("file").filename(part.fileName()).build());
            form.add("file", new HttpEntity<>(part.bytes(), headers));
        }
        return form;
    }

    private String report(String bearer) {
        Map<?, ?> created = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(RUBBISH)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private void command(String caseId, String command, String bearer, String body) {
        client.post().uri("/api/cases/" + caseId + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isOk();
    }
}
