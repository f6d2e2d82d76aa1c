package org.grassroots.contracts.orgs;

/** Where a party member stands: in service (在职/在册), retired (退休), or floating (流动党员, living away from their unit). */
public enum MemberStatus {
    IN_SERVICE,
    RETIRED,
    FLOATING
}
