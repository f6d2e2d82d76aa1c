package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void givenChineseAndLatinText_whenStored_thenChineseIsPairsOfNeighbouringCharactersAndLatinWordsLowerCased() {
        assertThat(SearchTerms.of("东门垃圾, Street Lamp 3号楼", null))
                .containsExactly("东门", "门垃", "垃圾", "street", "lamp", "3", "号楼");
    }

    @Test
    void givenASearchWord_whenSplit_thenItNeedsItsPairsAndALoneCharacterNeedsNone() {
        assertThat(SearchTerms.ofWord("健康东路")).containsExactly("健康", "康东", "东路");
        assertThat(SearchTerms.ofWord("水")).isEmpty();
        assertThat(SearchTerms.ofWord("12号")).containsExactly("12");
    }

    @Test
    void givenASearch_whenSplit_thenItGivesDistinctWordsUpToTheLimit() {
        assertThat(SearchTerms.words("  垃圾  东门 垃圾 a b c d ", 5)).containsExactly("垃圾", "东门", "a", "b", "c");
    }
}
