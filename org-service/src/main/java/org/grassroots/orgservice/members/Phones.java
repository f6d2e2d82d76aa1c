package org.grassroots.orgservice.members;

import java.util.regex.Pattern;

import org.grassroots.platform.domain.InvalidFieldException;

/** Mainland mobile numbers: checked on the way in, masked as 138****1234 on the way out. */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Phones() {
    }

    /** The number without spaces or dashes; null stays null (a member without a phone). */
    public static String normalise(String phone, String field) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (!MOBILE.matcher(digits).matches()) {
            throw new InvalidFieldException(field, "must be an 11-digit mainland mobile number");
        }
        return digits;
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
