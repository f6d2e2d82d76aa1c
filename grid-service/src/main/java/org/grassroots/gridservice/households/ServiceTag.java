package org.grassroots.gridservice.households;

/** What about a person matters when serving them (重点人群). */
public enum ServiceTag {
    ELDERLY_LIVING_ALONE, // 独居老人
    ELDERLY,              // 高龄老人
    DISABILITY,           // 残疾人
    LOW_INCOME,           // 低保户
    LEFT_BEHIND_CHILD,    // 留守儿童
    VETERAN,              // 退役军人
    SERIOUS_ILLNESS,      // 大病患者
    PARTY_MEMBER          // 党员
}
