package org.grassroots.caseservice.onbehalf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AesGcmContactCipherTest {

    final ContactCipher cipher = new AesGcmContactCipher(new ContactCipherProperties(null, null));

    @Test
    void givenAPhone_whenSealed_thenItCarriesTheKeyIdNotThePhoneAndOpensBackToIt() {
        String sealed = cipher.seal("13905170042");

        assertThat(sealed).startsWith("k1:").doesNotContain("13905170042");
        assertThat(cipher.seal("13905170042")).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed)).isEqualTo("13905170042");
    }

    @Test
    void givenAValueSealedUnderAnotherKeyId_whenOpened_thenItSaysWhichKeyItNeeds() {
        ContactCipher rotated = new AesGcmContactCipher(
                new ContactCipherProperties(ContactCipherProperties.DEVELOPMENT_KEY, "k2"));

        assertThatThrownBy(() -> rotated.open(cipher.seal("13905170042")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'k1'");
    }
}
