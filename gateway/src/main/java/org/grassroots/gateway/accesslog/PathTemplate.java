package org.grassroots.gateway.accesslog;

import java.util.regex.Pattern;

/**
 * A request path as it may be logged: segments that are words of the API ({@code cases},
 * {@code dispatch}, {@code filed-cases}) stay, anything else (ids, case numbers, codes, names)
 * becomes {@code {id}}. The query string is never part of it. So
 * {@code /api/cases/6f1c…/dispatch} is logged as {@code /api/cases/{id}/dispatch}: the line tells
 * what was done without recording whose case it was.
 */
final class PathTemplate {

    /** Lower-case words joined by '-' or '.', as the API's own path words are, or a version such as {@code v3}. */
    private static final Pattern API_WORD = Pattern.compile("[a-z]+(?:[-.][a-z]+)*|v[0-9]{1,2}");

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

    private static boolean isApiWord(String segment) {
        return segment.length() <= LONGEST_WORD && API_WORD.matcher(segment).matches();
    }
}
