package org.grassroots.gridservice.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportCodeTest {

    static final String PUBLIC_URL = "https://grassroots.example.gov.cn";

    /** Grid codes whose address, with the mask the encoder favours, ZXing's reader could not find. */
    @ParameterizedTest
    @ValueSource(strings = {"974367475974869", "915562891028828", "118156476351384"})
    void givenAnAddressWhoseFavouredMaskMisleadsTheReader_whenItIsEncoded_thenTheCodeStillReadsBack(String grid)
            throws Exception {
        ReportCode code = ReportCode.of(PUBLIC_URL, grid, null);

        assertThat(CodesIT.decode(CodeImages.image(code, 4))).isEqualTo(PUBLIC_URL + "/m/report?grid=" + grid);
    }

    /** Addresses that read back at the sheet's scale but, with the mask the encoder favours, not at the PNG's. */
    @ParameterizedTest
    @ValueSource(strings = {"437815000026001", "918726000002001"})
    void givenAnAddressUnreadableOnlyAtThePngsScale_whenItIsEncoded_thenThePngReadsBack(String grid) throws Exception {
        ReportCode code = ReportCode.of(PUBLIC_URL, grid, "3幢");

        assertThat(CodesIT.decode(CodeImages.image(code, CodeImages.PIXELS_PER_MODULE))).isEqualTo(code.address());
    }

    @Test
    void givenSixHundredGridsAndBuildings_whenTheirCodesArePrinted_thenEveryOneReadsBack() throws Exception {
        Random random = new Random(20261203);
        for (int i = 0; i < 600; i++) {
            String grid = String.format("%06d%09d", 100000 + random.nextInt(899999), random.nextInt(1_000_000_000));
            String building = i % 3 == 0 ? (1 + random.nextInt(40)) + "幢" : null;
            ReportCode code = ReportCode.of(PUBLIC_URL, grid, building);

            assertThat(CodesIT.decode(CodeImages.image(code, 4))).as(grid).isEqualTo(code.address());
        }
    }
}
