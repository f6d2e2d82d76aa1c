package org.grassroots.volunteerservice.wishes;

import java.util.Map;

/**
 * Files a case in case-service for a wish that needs a department (微心愿转诉求), with the staff
 * member's own token so case-service checks who they are. Filing the same wish again gives the same
 * case, so a referral interrupted after the case was filed is simply tried again.
 */
public interface CaseFiling {

    /** What staff make of the wish as a case: category, what is to be done, where, and the category's answers. */
    record WishCase(String wishId, String categoryCode, String description, double lon, double lat,
            String locationDescription, Map<String, Object> answers) {
    }

    /** The id of the case filed (or filed before) for the wish. */
    String file(WishCase wishCase, String bearerToken);
}
