package org.grassroots.gridservice.households;

import java.util.regex.Pattern;

/** Checks of the resident identity card number (GB 11643) and mainland mobile numbers. */
final class PersonalIds {

    private static final Pattern ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private PersonalIds() {
    }

    /** Why the ID number is not valid, or null. Never echoes the number itself. */
    static String idNumberProblem(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            return "an ID number is 17 digits and a check character (digit or X)";
        }
        return checkCharacter(value.substring(0, 17)) == value.charAt(17) ? null : "its check character is wrong";
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    static String phoneProblem(String value) {
        return value != null && MOBILE.matcher(value).matches() ? null : "a mobile number is 11 digits starting 13–19";
    }
}
