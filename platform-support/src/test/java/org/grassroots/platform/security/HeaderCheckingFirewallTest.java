package org.grassroots.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.contracts.RequestHeaders;
import org.grassroots.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** {@link RequestHeaders} lets through exactly what the servlet firewall's default patterns let through. */
class HeaderCheckingFirewallTest {

    @Test
    void givenEveryCodePoint_whenCheckedAlone_thenTheDefaultFirewallAgrees() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(RequestHeaders.isAllowedName(text)).as("name U+%04X", codePoint)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(RequestHeaders.isAllowedValue(text)).as("value U+%04X", codePoint)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void givenMixedTextWithLoneAndPairedSurrogates_whenChecked_thenTheDefaultFirewallAgrees() {
        List<String> pieces = List.of("Bearer ", "abc", "\t", "\u0000", "\u007f", "\u0085", "\u00a0", "网格", "\u0378",
                "\ud83d\ude00", "\ud83d", "\ude00", "\udbff\udfff", "\ud800\udc00", " ");
        RandomText.of(pieces, "", 20_000, 25).forEach(header -> {
            assertThat(RequestHeaders.isAllowedName(header)).as("name %s", header.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(header));
            assertThat(RequestHeaders.isAllowedValue(header)).as("value %s", header.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(header));
        });
    }
}
