package org.grassroots.contracts.cases;

/** Who may be invited to a consultation and carry out a part of its decision. */
public enum ConsultationPartyKind {
    /** A functional department (职能部门), by its department id. */
    DEPARTMENT,
    /** A property company (物业服务企业), by its partner id. */
    PROPERTY_COMPANY,
    /** A party member (党员), by their user id. */
    PARTY_MEMBER,
    /** Residents' representatives (居民代表), by an id the community gives them; never a name. */
    RESIDENT_REPRESENTATIVE,
    /** A co-building unit (驻区共建单位), by its partner id. */
    CO_BUILDING_UNIT,
    /** A social organisation (社会组织), by its partner id. */
    SOCIAL_ORGANIZATION,
    /** The community or grid staff themselves, by org unit code. */
    COMMUNITY
}
