package org.grassroots.platform.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * What Spring Security's {@link StrictHttpFirewall} lets through in a header's name and value, by
 * default: only assigned code points, and no control characters, except a tab in a value. The same
 * rule, checked character by character instead of by the firewall's regular expressions, which ran
 * over every header of every request (the bearer token's 1,300 characters among them): 1.6–2.6 % of
 * case-service's CPU under intake (docs/benchmarks.md, round 25). Printable ASCII, nearly every
 * character a request carries, is decided by one comparison.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** A firewall as the default one, with these checks for header names and values. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
        return firewall;
    }

    static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    static boolean isAllowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate(c) && codePoint != c) {
                i++; // the low half of a pair, read with the high one
            }
            boolean control = Character.isISOControl(codePoint) && !(tab && codePoint == '\t');
            if (control || !Character.isDefined(codePoint)) {
                return false;
            }
        }
        return true;
    }
}
