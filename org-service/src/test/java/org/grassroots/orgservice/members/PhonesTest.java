package org.grassroots.orgservice.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.platform.crypto.FieldCipher;
import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PhonesTest {

    private final FieldCipher cipher = FieldCipher.fromSetting("local-org:bG9jYWwtZGV2LW9ubHktZ3Jhc3Nyb290cy1rZXktMzI=");

    @Test
    void givenMobileNumber_whenMasked_thenOnlyThePrefixAndLastFourShow() {
        assertThat(Phones.mask("13812341234")).isEqualTo("138****1234");
    }

    @Test
    void givenNumberWithSpaces_whenNormalised_thenDigitsOnly() {
        assertThat(Phones.normalise("138 1234-1234", "phone")).isEqualTo("13812341234");
    }

    @Test
    void givenLandlineOrGarbage_whenNormalised_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> Phones.normalise("12345", "members[3].phone"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("members[3].phone");
    }

    @Test
    void givenPhone_whenEncryptedTwice_thenTheCiphertextsDifferAndBothDecrypt() {
        String first = cipher.encrypt("13812341234");
        String second = cipher.encrypt("13812341234");

        assertThat(first).isNotEqualTo(second).doesNotContain("1234");
        assertThat(cipher.decrypt(first)).isEqualTo("13812341234");
        assertThat(cipher.decrypt(second)).isEqualTo("13812341234");
    }
}
