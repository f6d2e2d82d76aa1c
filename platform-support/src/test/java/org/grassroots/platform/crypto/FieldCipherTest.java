package org.grassroots.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String ORG_DEV_KEY = "bG9jYWwtZGV2LW9ubHktZ3Jhc3Nyb290cy1rZXktMzI=";
    private static final String GRID_DEV_KEY = "ZGV2LW9ubHktZ3Jhc3Nyb290cy1waWkta2V5LTMyYnk=";
    private static final String NEW_KEY = "a3ViZXJuZXRlcy1vbmx5LWdyYXNzcm9vdHMta2V5MzI=";

    /** Written by org-service's former PhoneCipher under ORG_DEV_KEY: bare base64, no key id. */
    private static final String LEGACY_PHONE = "yXLUqvqWeurkfe34s0SuBjt8RgGsPmD7kjyKzZLpdboqJ4SLnwE1";
    /** Written by grid-service's former PiiCipher under GRID_DEV_KEY: {@code v1:}, no key id. */
    private static final String LEGACY_ID_NUMBER = "v1:ov88llp1KuAyy2c01oAuL4QK3WWrWKLDDfPwBER7YxbixetFfy5uamLaB5mkJw==";
    /** The former PiiCipher's blind index of 110101199003071234 under GRID_DEV_KEY. */
    private static final String LEGACY_ID_INDEX = "RvbDw3AqYX2Op3jSRA2tMu8iLx2U1BAuO+FnHQkSgY8";

    @Test
    void givenOneKey_whenAValueIsEncrypted_thenTheCiphertextNamesTheKeyAndDecrypts() {
        FieldCipher cipher = FieldCipher.fromSetting("k1:" + NEW_KEY);

        String stored = cipher.encrypt("13812341234");

        assertThat(stored).startsWith("fc1:k1:").doesNotContain("13812341234");
        assertThat(FieldCipher.keyIdOf(stored)).isEqualTo("k1");
        assertThat(cipher.decrypt(stored)).isEqualTo("13812341234");
        assertThat(cipher.encrypt("13812341234")).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void givenARotatedRing_whenOldAndNewValuesAreRead_thenEachOpensWithItsKeyAndNewValuesUseTheCurrentKey() {
        FieldCipher before = FieldCipher.fromSetting("k1:" + ORG_DEV_KEY);
        String old = before.encrypt("张三");

        FieldCipher after = FieldCipher.fromSetting("k2:" + NEW_KEY + ",k1:" + ORG_DEV_KEY);
        String fresh = after.encrypt("李四");

        assertThat(after.currentKeyId()).isEqualTo("k2");
        assertThat(FieldCipher.keyIdOf(fresh)).isEqualTo("k2");
        assertThat(after.decrypt(old)).isEqualTo("张三");
        assertThat(after.decrypt(fresh)).isEqualTo("李四");
        assertThatThrownBy(() -> before.decrypt(fresh))
                .as("a ring without k2 says which key is missing")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'k2'")
                .hasMessageNotContaining("李四");
    }

    @Test
    void givenARotatedRing_whenABlindIndexIsTaken_thenItStaysTheOneOfTheOldestKey() {
        FieldCipher before = FieldCipher.fromSetting("k1:" + GRID_DEV_KEY);
        FieldCipher after = FieldCipher.fromSetting("k2:" + NEW_KEY + ",k1:" + GRID_DEV_KEY);

        assertThat(after.blindIndex("110101199003071234")).isEqualTo(before.blindIndex("110101199003071234"))
                .isEqualTo(LEGACY_ID_INDEX);
        assertThat(after.blindIndex(null)).isNull();
    }

    @Test
    void givenValuesWrittenBeforeKeyIds_whenTheirKeyIsInTheRing_thenTheyStillRead() {
        FieldCipher org = FieldCipher.fromSetting("k2:" + NEW_KEY + ",legacy:" + ORG_DEV_KEY);
        FieldCipher grid = FieldCipher.fromSetting("k2:" + NEW_KEY + ",legacy:" + GRID_DEV_KEY);

        assertThat(org.decrypt(LEGACY_PHONE)).isEqualTo("13812341234");
        assertThat(grid.decrypt(LEGACY_ID_NUMBER)).isEqualTo("110101199003071234");
        assertThat(grid.blindIndex("110101199003071234")).isEqualTo(LEGACY_ID_INDEX);
    }

    /** case-service's stand-in contact cipher wrote {@code <key id>:<base64>} with no associated data. */
    @Test
    void givenAValueOfTheStandInContactCipher_whenItsKeyIsInTheRingUnderItsId_thenItReads() throws Exception {
        byte[] iv = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(
                java.util.Base64.getDecoder().decode(ORG_DEV_KEY), "AES"), new javax.crypto.spec.GCMParameterSpec(128, iv));
        byte[] sealed = aes.doFinal("13812341234".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] all = new byte[12 + sealed.length];
        System.arraycopy(sealed, 0, all, 12, sealed.length);
        String stored = "k1:" + java.util.Base64.getEncoder().encodeToString(all);

        assertThat(FieldCipher.fromSetting("k2:" + NEW_KEY + ",k1:" + ORG_DEV_KEY).decrypt(stored)).isEqualTo("13812341234");
        assertThat(FieldCipher.fromSetting("k2:" + NEW_KEY + ",old:" + ORG_DEV_KEY).decrypt(stored))
                .as("under another id, found by trial").isEqualTo("13812341234");
    }

    @Test
    void givenAValueWrittenBeforeKeyIds_whenItsKeyIsNotInTheRing_thenReadingFailsWithoutTheValue() {
        FieldCipher cipher = FieldCipher.fromSetting("k2:" + NEW_KEY);

        assertThatThrownBy(() -> cipher.decrypt(LEGACY_PHONE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keep the key it was written with in the ring");
    }

    @Test
    void givenATamperedCiphertextOrARelabelledKeyId_whenDecrypted_thenItIsRefused() {
        FieldCipher cipher = FieldCipher.fromSetting("a:" + NEW_KEY + ",b:" + NEW_KEY);
        String stored = cipher.encrypt("13812341234");
        String relabelled = stored.replace("fc1:a:", "fc1:b:");
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);

        assertThatThrownBy(() -> cipher.decrypt(relabelled)).isInstanceOf(IllegalStateException.class)
                .as("the key id is bound into the tag").hasMessageContaining("tampered");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenMalformedSettings_whenTheRingIsBuilt_thenEachIsRefusedNamingTheSettingButNotTheKey() {
        assertThatThrownBy(() -> FieldCipher.fromSetting(null)).hasMessageContaining("GRASSROOTS_FIELD_KEYS) is not set");
        assertThatThrownBy(() -> FieldCipher.fromSetting(" ")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> FieldCipher.fromSetting(NEW_KEY)).hasMessageContaining("no id");
        assertThatThrownBy(() -> FieldCipher.fromSetting("k 1:" + NEW_KEY)).hasMessageContaining("key id");
        assertThatThrownBy(() -> FieldCipher.fromSetting("k1:not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> FieldCipher.fromSetting("k1:c2hvcnQ=")).hasMessageContaining("32 bytes but has 5");
        assertThatThrownBy(() -> FieldCipher.fromSetting("k1:" + NEW_KEY + ",k1:" + ORG_DEV_KEY))
                .hasMessageContaining("given twice").hasMessageNotContaining(NEW_KEY);
    }
}
