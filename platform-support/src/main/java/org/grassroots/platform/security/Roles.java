package org.grassroots.platform.security;

/** The realm roles Keycloak issues for the {@code grassroots} realm. */
public final class Roles {

    public static final String RESIDENT = "resident";
    public static final String GRID_WORKER = "grid_worker";
    public static final String PARTY_MEMBER = "party_member";
    public static final String VOLUNTEER = "volunteer";
    public static final String COMMUNITY_STAFF = "community_staff";
    public static final String STREET_STAFF = "street_staff";
    public static final String DEPARTMENT_STAFF = "department_staff";
    public static final String DISTRICT_ADMIN = "district_admin";
    public static final String PLATFORM_ADMIN = "platform_admin";
    /** 兼职网格员: couriers, delivery riders and others who report what they see on their rounds. */
    public static final String PART_TIME_WORKER = "part_time_worker";
    /** The 12345 hotline system's service account, which hands cases over to the platform. */
    public static final String HOTLINE = "hotline";

    private Roles() {
    }
}
