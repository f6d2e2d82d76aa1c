package org.grassroots.contracts;

/**
 * What the gateway and every service accept in a request's headers, checked character by
 * character. Spring Security checks the same with regular expressions, which ran over every
 * character of every header read, the bearer token's 1,300 among them: 4.2 % of case-service's CPU
 * under intake (docs/benchmarks.md, round 25). Plain Java, so the reactive gateway and the servlet
 * services share one definition; each adapts it to its own security stack, and tests there hold it
 * against Spring Security's defaults.
 */
public final class RequestHeaders {

    private static final String BEARER = "Bearer ";

    private RequestHeaders() {
    }

    /**
     * Whether an {@code Authorization} header names the bearer scheme: it begins with "bearer" in
     * any letter case. A header that does not (or none) carries no token, and the caller is anonymous.
     */
    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1);
    }

    /**
     * The token of a bearer header, or null if the header is malformed. Well formed (RFC 6750, section
     * 2.1): "Bearer" in any letter case, one space, one or more of {@code A-Z a-z 0-9 - . _ ~ + /},
     * then nothing but {@code =} padding.
     */
    public static String bearerToken(String authorization) {
        int start = BEARER.length();
        if (!isBearer(authorization) || authorization.length() <= start || authorization.charAt(start - 1) != ' ') {
            return null;
        }
        int padding = authorization.length();
        while (padding > start && authorization.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == start) {
            return null;
        }
        for (int i = start; i < padding; i++) {
            if (!isTokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(start);
    }

    /** A header name holds only assigned code points and no control character. Null (no header) passes. */
    public static boolean isAllowedName(String name) {
        return assignedWithoutControls(name, false);
    }

    /** A header value holds only assigned code points and no control character but the tab. Null (no header) passes. */
    public static boolean isAllowedValue(String value) {
        return assignedWithoutControls(value, true);
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static boolean assignedWithoutControls(String text, boolean tab) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) { // printable ASCII: nearly every character a request carries
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (codePoint != c) {
                i++; // the low half of a surrogate pair, read with the high one
            }
            boolean control = Character.isISOControl(codePoint) && !(tab && codePoint == '\t');
            if (control || !Character.isDefined(codePoint)) {
                return false;
            }
        }
        return true;
    }
}
