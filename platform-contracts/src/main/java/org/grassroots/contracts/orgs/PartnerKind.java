package org.grassroots.contracts.orgs;

/** The partners of party building beside the party units themselves. */
public enum PartnerKind {
    /** 物业服务企业: serves communities and residential compounds; rated by residents. */
    PROPERTY_COMPANY,
    /** 社会组织. */
    SOCIAL_ORGANIZATION,
    /** 驻区单位 that co-build with communities (共驻共建). */
    CO_BUILDING_UNIT,
    /** 区领导挂钩联系点: a leader's post linked to communities. */
    LEADER_CONTACT_POINT
}
