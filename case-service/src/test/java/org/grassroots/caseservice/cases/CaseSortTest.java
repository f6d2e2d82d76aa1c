package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class CaseSortTest {

    @Test
    void givenNoSort_whenParsed_thenNewestReportComesFirst() {
        assertThat(CaseSort.parse(null)).isEqualTo(CaseSort.NEWEST_FIRST);
        assertThat(CaseSort.parse(" ")).isEqualTo(CaseSort.NEWEST_FIRST);
    }

    @Test
    void givenAFieldAlone_whenParsed_thenItSortsDescendingAndADirectionMayFollowIt() {
        assertThat(CaseSort.parse("updatedAt")).isEqualTo(new CaseSort(CaseSort.Field.UPDATED_AT, false));
        assertThat(CaseSort.parse("number,asc")).isEqualTo(new CaseSort(CaseSort.Field.NUMBER, true));
        assertThat(CaseSort.parse("reportedAt, DESC")).isEqualTo(CaseSort.NEWEST_FIRST);
    }

    @Test
    void givenAnUnknownFieldOrDirection_whenParsed_thenRefusedNamingSort() {
        assertThatThrownBy(() -> CaseSort.parse("status")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("sort");
        assertThatThrownBy(() -> CaseSort.parse("number,up")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("sort");
    }
}
