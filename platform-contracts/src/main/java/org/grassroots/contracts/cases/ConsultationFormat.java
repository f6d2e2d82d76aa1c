package org.grassroots.contracts.cases;

/** The form a consultation takes, as the districts name their practice. */
public enum ConsultationFormat {
    /** 小板凳协商: residents, staff and the parties sit down on the spot, in the courtyard or at the building. */
    SMALL_STOOL,
    /** 连心晨会: the grid party branch's regular morning meeting of the residents' council. */
    MORNING_MEETING,
    /** 红色议事厅: a meeting in the community's party-and-people service centre. */
    RED_HALL,
    /** 民主协商: any other formal democratic consultation. */
    DEMOCRATIC
}
