package org.grassroots.caseservice.open311.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.grassroots.caseservice.categories.CategoryAttribute;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** How a POST's form becomes answers, and the catalogue's datatypes Open311's. */
class Open311FormTest {

    @Test
    void givenAttributesInTheForm_whenRead_thenEachCodeHasItsAnswerAndAMultivaluelistItsValues() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", "client:secret");
        form.add("attribute[volume]", "大量");
        form.addAll("attribute[rubbishType][]", List.of("建筑垃圾", "生活垃圾"));
        form.addAll("attribute[operators]", List.of("美团", "哈啰"));
        form.add("attribute[poleNumber]", " ");
        form.add("email", "someone@example.com");

        Map<String, Object> answers = Open311Controller.answersOf(form);

        assertThat(answers).containsOnlyKeys("volume", "rubbishType", "operators");
        assertThat(answers.get("volume")).isEqualTo("大量");
        assertThat(answers.get("rubbishType")).isEqualTo(List.of("建筑垃圾", "生活垃圾"));
        assertThat(answers.get("operators")).isEqualTo(List.of("美团", "哈啰"));
    }

    @Test
    void givenEveryDatatypeOfTheCatalogue_whenNamedForOpen311_thenItIsOneOfTheSpecificationsSix() {
        for (CategoryAttribute.Datatype datatype : CategoryAttribute.Datatype.values()) {
            assertThat(Open311Documents.datatypeOf(datatype))
                    .isIn("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
        }
        assertThat(Open311Documents.datatypeOf(CategoryAttribute.Datatype.BOOLEAN)).isEqualTo("singlevaluelist");
        assertThat(Open311Documents.datatypeOf(CategoryAttribute.Datatype.MULTI_VALUE)).isEqualTo("multivaluelist");
    }
}
