package org.grassroots.caseservice.cases;

/**
 * Reads an org path such as {@code /qjp/qjp-wangying/qjp-wangying-fuqian}: district, street,
 * community, then grid branches below.
 */
final class OrgPaths {

    private OrgPaths() {
    }

    static String street(String orgPath) {
        return segment(orgPath, 1);
    }

    static String community(String orgPath) {
        return segment(orgPath, 2);
    }

    private static String segment(String orgPath, int index) {
        String[] parts = orgPath.replaceFirst("^/", "").split("/");
        return parts.length > index && !parts[index].isBlank() ? parts[index] : null;
    }
}
