package org.grassroots.gridservice.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.grassroots.gridservice.TestArea;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * 码上办 codes through the API, read back with ZXing's decoder as a phone's camera would, and the
 * community's printable sheet read back with PDFBox.
 */
@ServiceIntegrationTest(properties = "grassroots.grid.codes.public-url=https://grassroots.example.gov.cn/")
class CodesIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;
    static final String RESIDENT = TestTokens.resident("resident-1", "/qjp/qjp-pulou/qjp-pulou-chengnan").bearer();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;
    TestArea area;

    @BeforeEach
    void setUp() {
        client = TestArea.client(port);
        area = TestArea.fresh(mongo);
    }

    @Test
    void givenAGrid_whenItsPngCodeIsScanned_thenItOpensTheReportPageOfThatGrid() throws Exception {
        String grid = drawGrid(1, "城南社区第一网格");

        byte[] png = client.get().uri("/api/grids/" + grid + "/qr").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .accept(MediaType.IMAGE_PNG).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png))))
                .isEqualTo("https://grassroots.example.gov.cn/m/report?grid=" + grid);
    }

    @Test
    void givenABuilding_whenItsCodeIsScanned_thenTheAddressNamesGridAndBuilding() throws Exception {
        String grid = drawGrid(1, "城南社区第一网格");

        byte[] png = client.get().uri("/api/grids/" + grid + "/qr?building=3幢").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .accept(MediaType.IMAGE_PNG).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png))))
                .isEqualTo("https://grassroots.example.gov.cn/m/report?grid=" + grid + "&building=3%E5%B9%A2");
    }

    @Test
    void givenAcceptSvg_whenTheCodeIsAskedFor_thenItIsSvgWhoseRectsAreTheSameCode() {
        String grid = drawGrid(1, "城南社区第一网格");

        String svg = client.get().uri("/api/grids/" + grid + "/qr").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .accept(MediaType.parseMediaType("image/svg+xml")).exchange()
                .expectStatus().isOk().expectHeader().contentType("image/svg+xml")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(svg).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<rect x=");
        ReportCode expected = ReportCode.of("https://grassroots.example.gov.cn", grid, null);
        assertThat(svg).isEqualTo(CodeImages.svg(expected));
    }

    @Test
    void givenARetiredGrid_whenItsCodeIsAskedForAndTheGridRead_thenTheCodeStillLeadsToThePageWhichIsToldItIsRetired()
            throws Exception {
        String grid = drawGrid(1, "城南社区第一网格");
        client.post().uri("/api/grids/" + grid + "/retire").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();

        byte[] png = client.get().uri("/api/grids/" + grid + "/qr").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .accept(MediaType.IMAGE_PNG).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).endsWith("?grid=" + grid);
        client.get().uri("/api/grids/" + grid).header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.retired").isEqualTo(true)
                .jsonPath("$.name").isEqualTo("城南社区第一网格");
    }

    @Test
    void givenAnUnknownGridOrABadBuilding_whenACodeIsAskedFor_then404Or400NamingTheField() {
        client.get().uri("/api/grids/999999999999999/qr").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .accept(MediaType.IMAGE_PNG).exchange().expectStatus().isNotFound();
        String grid = drawGrid(1, "城南社区第一网格");
        client.get().uri("/api/grids/" + grid + "/qr?building=" + "楼".repeat(40)).header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .accept(MediaType.IMAGE_PNG).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("building");
    }

    @Test
    void givenACommunityWithGridsAndBuildings_whenItsSheetIsPrinted_thenOneCodePerGridAndBuildingWithChineseNames()
            throws Exception {
        String first = drawGrid(1, "城南社区第一网格");
        String second = drawGrid(2, "城南社区第二网格");
        String retired = drawGrid(3, "城南社区旧网格");
        client.post().uri("/api/grids/" + retired + "/retire").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
        household(first, "3幢");
        household(first, "3幢");
        household(first, "5幢");

        byte[] pdf = client.get().uri("/api/grids/qr-sheet?communityId=" + area.community().code())
                .header(HttpHeaders.AUTHORIZATION, ADMIN).accept(MediaType.APPLICATION_PDF).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            List<String> addresses = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        addresses.add(decode(image.getImage()));
                    }
                }
            }
            String base = "https://grassroots.example.gov.cn/m/report?grid=";
            assertThat(addresses).containsExactlyInAnyOrder(base + first, base + first + "&building=3%E5%B9%A2",
                    base + first + "&building=5%E5%B9%A2", base + second);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("城南社区第一网格").contains("城南社区第二网格").contains("城南社区第一网格 3幢")
                    .contains(area.community().name()).doesNotContain("旧网格");
        }
        client.get().uri("/api/grids/qr-sheet?communityId=" + area.community().code())
                .header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange().expectStatus().isForbidden();
        client.get().uri("/api/grids/qr-sheet?communityId=" + area.community().code())
                .header(HttpHeaders.AUTHORIZATION,
                        TestTokens.staff("dispatcher-9", "community_staff", "/qjp/qjp-changxi/qjp-changxi-huaihai").bearer())
                .exchange().expectStatus().isNotFound();
    }

    private String drawGrid(int number, String name) {
        return area.drawGrid(client, number, name, area.square(number * 0.03, 0, 0.02));
    }

    private void household(String grid, String building) {
        mongo.getCollection("households").insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("gridCode", grid).append("communityId", area.community().code())
                .append("orgPath", area.community().path()).append("building", building).append("unit", "1单元")
                .append("room", "101"));
    }

    /** What a phone's camera would read from the picture. */
    static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new String(new QRCodeReader().decode(bitmap).getText().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
    }
}
