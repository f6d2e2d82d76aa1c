package org.grassroots.orgservice.stations;

import java.util.regex.Pattern;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Whom to ask at a station, by role (值班社工, 驿站管理员), and the station's own duty line: public, so
 * never a person's name or mobile number.
 */
public record StationContact(String role, String dutyPhone) {

    private static final Pattern MOBILE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}");
    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 -]{4,19}");

    public StationContact {
        if (role == null || role.isBlank() || role.strip().length() > 30) {
            throw new InvalidFieldException("contact.role", "is required, at most 30 characters (a role, not a name)");
        }
        role = role.strip();
        if (dutyPhone != null && dutyPhone.isBlank()) {
            dutyPhone = null;
        }
        if (dutyPhone != null) {
            dutyPhone = dutyPhone.strip();
            if (!PHONE.matcher(dutyPhone).matches()) {
                throw new InvalidFieldException("contact.dutyPhone", "is not a phone number");
            }
            if (MOBILE.matcher(dutyPhone.replaceAll("[ -]", "")).matches()) {
                throw new InvalidFieldException("contact.dutyPhone",
                        "must be the station's duty line, not a personal mobile number (it is shown to the public)");
            }
        }
    }
}
