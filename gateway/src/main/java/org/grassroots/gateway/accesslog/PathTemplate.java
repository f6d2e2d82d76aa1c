package org.grassroots.gateway.accesslog;

/**
 * A request path as it may be logged: segments that are words of the API ({@code cases},
 * {@code dispatch}, {@code filed-cases}) stay, anything else (ids, case numbers, codes, names)
 * becomes {@code {id}}. The query string is never part of it. So
 * {@code /api/cases/6f1c…/dispatch} is logged as {@code /api/cases/{id}/dispatch}: the line tells
 * what was done without recording whose case it was.
 */
final class PathTemplate {


    private static final int LONGEST_WORD = 32;

    private PathTemplate() {
    }

    static String of(String path) {
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return "/";
        }
        StringBuilder template = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            template.append('/').append(isApiWord(segment) ? segment : "{id}");
        }
        if (path.endsWith("/")) {
            template.append('/');
        }
        return template.isEmpty() ? "/" : template.toString();
    }

    /**
     * Lower-case words joined by '-' or '.', as the API's own path words are ({@code [a-z]+([-.][a-z]+)*}),
     * or a version such as {@code v3} ({@code v[0-9]{1,2}}). Checked by hand rather than by a regular
     * expression: it runs for every segment of every request's access log line.
     */
    private static boolean isApiWord(String segment) {
        int length = segment.length();
        if (length == 0 || length > LONGEST_WORD) {
            return false;
        }
        if (segment.charAt(0) == 'v' && (length == 2 || length == 3) && isDigit(segment.charAt(1))
                && (length == 2 || isDigit(segment.charAt(2)))) {
            return true;
        }
        boolean afterSeparator = true;
        for (int i = 0; i < length; i++) {
            char c = segment.charAt(i);
            if (c >= 'a' && c <= 'z') {
                afterSeparator = false;
            } else if ((c == '-' || c == '.') && !afterSeparator) {
                afterSeparator = true;
            } else {
                return false;
            }
        }
        return !afterSeparator;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
