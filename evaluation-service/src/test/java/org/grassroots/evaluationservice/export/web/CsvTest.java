package org.grassroots.evaluationservice.export.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    record Row(String name, long count, Double rate) {
    }

    @Test
    void givenRows_whenWritten_thenAHeaderOfFieldNamesAndQuotedFieldsWhereNeeded() {
        String csv = Csv.write(List.of(new Row("城南社区", 3, 0.75), new Row("a \"quoted\", name", 0, null)), Row.class);

        assertThat(csv).isEqualTo("\uFEFFname,count,rate\r\n城南社区,3,0.75\r\n\"a \"\"quoted\"\", name\",0,\r\n");
    }

    @Test
    void givenFormatOrAccept_whenAsked_thenCsvIsWantedOnlyWhenOneOfThemSaysSo() {
        assertThat(Csv.wanted("csv", null)).isTrue();
        assertThat(Csv.wanted(null, "text/csv")).isTrue();
        assertThat(Csv.wanted("json", "text/csv")).isFalse();
        assertThat(Csv.wanted(null, "application/json")).isFalse();
    }
}
