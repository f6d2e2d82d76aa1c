package org.grassroots.orgservice.departments;

/** A department's duty desk (值班室): an office line, shown to staff, never put in events. */
public record DutyContact(String desk, String phone) {
}
