package org.grassroots.volunteerservice.points;

/**
 * One rule of the points scheme: how many points a kind of deed earns (negative for a
 * deduction) and at most how many a member may earn from it in one year.
 *
 * @param code        stable code, e.g. {@code CASE_HANDLED_ON_TIME}
 * @param description what it rewards, as members read it
 * @param points      nominal points per occurrence; negative deducts, 0 switches the rule off
 * @param capPerYear  the most a member earns from this rule in a year, or null for no cap
 */
public record AwardRule(String code, String description, int points, Integer capPerYear) {
}
