package org.grassroots.gridservice.pii;

/** How personal data looks to a caller whose role does not need it. */
public final class Masking {

    private Masking() {
    }

    /** 18-digit ID number: the first 3 and last 2 characters stay, e.g. {@code 320*************1X}. */
    public static String idNumber(String value) {
        return keep(value, 3, 2);
    }

    /** Mobile number: the first 3 and last 4 digits stay, e.g. {@code 138****5678}. */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    /** A person's name: the surname stays, e.g. {@code 王*}. */
    public static String name(String value) {
        return keep(value, 1, 0);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
