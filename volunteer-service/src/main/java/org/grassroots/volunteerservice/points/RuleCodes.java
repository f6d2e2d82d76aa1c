package org.grassroots.volunteerservice.points;

/** The codes of the rules the service itself triggers; administrators set their points. */
public final class RuleCodes {

    /** A party member or grid worker who handled a case that was closed within its time limits. */
    public static final String CASE_HANDLED_ON_TIME = "CASE_HANDLED_ON_TIME";
    /** A time limit passed while a party member or grid worker held the case. */
    public static final String CASE_OVERDUE = "CASE_OVERDUE";
    /** A grid worker or courier (part-time grid worker) whose report was accepted as a case. */
    public static final String REPORT_ACCEPTED = "REPORT_ACCEPTED";
    /** Attended a community volunteer activity (checked in and out). */
    public static final String ACTIVITY_ATTENDED = "ACTIVITY_ATTENDED";
    /** Fulfilled a micro-wish from the wish wall. */
    public static final String WISH_FULFILLED = "WISH_FULFILLED";
    /** Awarded by community staff, with a reason. */
    public static final String MANUAL_AWARD = "MANUAL_AWARD";
    /** Deducted by community staff, with a reason. */
    public static final String MANUAL_DEDUCTION = "MANUAL_DEDUCTION";

    private RuleCodes() {
    }
}
