/**
 * Checked targets: who a case may be dispatched to, whistled for or reported in by. case-service keeps its
 * own read model of departments, party members and org units (from org-events) and of grid staff (from
 * grid-events), so a dispatch to a department id that does not exist, or no longer does, is refused with 400
 * instead of landing in an inbox nobody reads.
 */
package org.grassroots.caseservice.targets;
