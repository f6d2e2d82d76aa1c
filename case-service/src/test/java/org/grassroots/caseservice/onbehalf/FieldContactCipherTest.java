package org.grassroots.caseservice.onbehalf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.grassroots.platform.crypto.FieldCipher;
import org.junit.jupiter.api.Test;

class FieldContactCipherTest {

    /** The local platform's development key for callers' contacts (application-local.yml), id k1. */
    static final String DEVELOPMENT_KEY = "Y2FzZS1zZXJ2aWNlLWRldmVsb3BtZW50LW9ubHktayE=";

    final ContactCipher cipher = new FieldContactCipher(FieldCipher.fromSetting("k1:" + DEVELOPMENT_KEY));

    @Test
    void givenAPhone_whenSealed_thenItCarriesTheKeyIdNotThePhoneAndOpensBackToIt() {
        String sealed = cipher.seal("13905170042");

        assertThat(FieldCipher.keyIdOf(sealed)).isEqualTo("k1");
        assertThat(sealed).doesNotContain("13905170042");
        assertThat(cipher.seal("13905170042")).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed)).isEqualTo("13905170042");
    }

    @Test
    void givenAContactSealedBeforeThePlatformCipher_whenOpened_thenItStillReads() throws Exception {
        byte[] iv = new byte[12];
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(DEVELOPMENT_KEY), "AES"),
                new GCMParameterSpec(128, iv));
        byte[] body = aes.doFinal("13905170042".getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[iv.length + body.length];
        System.arraycopy(body, 0, stored, iv.length, body.length);

        assertThat(cipher.open("k1:" + Base64.getEncoder().encodeToString(stored))).isEqualTo("13905170042");
    }

    @Test
    void givenNoContact_thenNothingIsSealedOrOpened() {
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }
}
