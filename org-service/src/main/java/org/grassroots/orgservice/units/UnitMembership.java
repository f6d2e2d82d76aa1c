package org.grassroots.orgservice.units;

/** What the tree needs to know about members: a unit that still has members cannot be retired. */
public interface UnitMembership {

    boolean hasMembers(String unitCode);
}
