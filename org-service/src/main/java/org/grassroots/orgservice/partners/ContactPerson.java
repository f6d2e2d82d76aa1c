package org.grassroots.orgservice.partners;

/** Who to call at a partner (or, for a leader contact point, the leader's post and office line). Never in events. */
public record ContactPerson(String name, String phone) {
}
