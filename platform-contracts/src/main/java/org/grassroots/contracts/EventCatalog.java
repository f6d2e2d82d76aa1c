package org.grassroots.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseAttachmentsAdded;
import org.grassroots.contracts.cases.CaseCancelled;
import org.grassroots.contracts.cases.CaseClaimed;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseDepartmentReportedIn;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseEscalated;
import org.grassroots.contracts.cases.CaseExtended;
import org.grassroots.contracts.cases.CaseLocated;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseParked;
import org.grassroots.contracts.cases.CasePaused;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseResolved;
import org.grassroots.contracts.cases.CaseResumed;
import org.grassroots.contracts.cases.CaseReturned;
import org.grassroots.contracts.cases.CaseSlaWarning;
import org.grassroots.contracts.cases.CaseSupervised;
import org.grassroots.contracts.cases.CaseTakenUp;
import org.grassroots.contracts.cases.CaseVerified;
import org.grassroots.contracts.cases.CaseWhistled;
import org.grassroots.contracts.cases.ConsultationCancelled;
import org.grassroots.contracts.cases.ConsultationDecided;
import org.grassroots.contracts.cases.ConsultationHeld;
import org.grassroots.contracts.cases.ConsultationPartDispatched;
import org.grassroots.contracts.cases.ConsultationPartDone;
import org.grassroots.contracts.cases.ConsultationScheduled;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.RectificationLifted;
import org.grassroots.contracts.evaluation.RectificationListed;
import org.grassroots.contracts.grids.BuildingOccupied;
import org.grassroots.contracts.grids.BuildingVacated;
import org.grassroots.contracts.grids.GridBoundaryChanged;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridOrgPathChanged;
import org.grassroots.contracts.grids.GridRenamed;
import org.grassroots.contracts.grids.GridRetired;
import org.grassroots.contracts.grids.GridStaffAssigned;
import org.grassroots.contracts.grids.GridStaffUnassigned;
import org.grassroots.contracts.grids.HouseholdPaired;
import org.grassroots.contracts.grids.HouseholdUnpaired;
import org.grassroots.contracts.orgs.DepartmentRegistered;
import org.grassroots.contracts.orgs.DepartmentUpdated;
import org.grassroots.contracts.orgs.MemberJoined;
import org.grassroots.contracts.orgs.MemberTransferred;
import org.grassroots.contracts.orgs.MemberUpdated;
import org.grassroots.contracts.orgs.OrgUnitCreated;
import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitRenamed;
import org.grassroots.contracts.orgs.OrgUnitRetired;
import org.grassroots.contracts.orgs.PartnerRegistered;
import org.grassroots.contracts.orgs.PartnerUpdated;
import org.grassroots.contracts.orgs.StationClosed;
import org.grassroots.contracts.orgs.StationRegistered;
import org.grassroots.contracts.orgs.StationUpdated;
import org.grassroots.contracts.volunteer.ActivityCompleted;
import org.grassroots.contracts.volunteer.PointsAwarded;
import org.grassroots.contracts.volunteer.RegistrationAccepted;
import org.grassroots.contracts.volunteer.WishFulfilled;

/**
 * The registry of every event type on the platform: the CloudEvents {@code type} string of each
 * record and the topic it is published on.
 *
 * <p>Type strings read {@code org.grassroots.<aggregate>.<what-happened>}, past tense in kebab
 * case, e.g. {@code org.grassroots.case.dispatched} or {@code org.grassroots.case.sla-warning}.
 * They are part of the contract: once published a type string never changes.
 *
 * <p>Lookups by an unregistered class or type string throw {@link IllegalArgumentException}; a
 * consumer that must skip event types newer than itself asks {@link #find(String)} first.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends IntegrationEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, String> TYPE_BY_CLASS = new LinkedHashMap<>();
    private static final Map<Class<?>, String> TOPIC_BY_CLASS = new LinkedHashMap<>();

    static {
        caseEvent("reported", CaseReported.class);
        caseEvent("accepted", CaseAccepted.class);
        caseEvent("cancelled", CaseCancelled.class);
        caseEvent("dispatched", CaseDispatched.class);
        caseEvent("claimed", CaseClaimed.class);
        caseEvent("returned", CaseReturned.class);
        caseEvent("resolved", CaseResolved.class);
        caseEvent("verified", CaseVerified.class);
        caseEvent("closed", CaseClosed.class);
        caseEvent("reopened", CaseReopened.class);
        caseEvent("escalated", CaseEscalated.class);
        caseEvent("whistled", CaseWhistled.class);
        caseEvent("department-reported-in", CaseDepartmentReportedIn.class);
        caseEvent("extended", CaseExtended.class);
        caseEvent("parked", CaseParked.class);
        caseEvent("supervised", CaseSupervised.class);
        caseEvent("sla-warning", CaseSlaWarning.class);
        caseEvent("overdue", CaseOverdue.class);
        caseEvent("paused", CasePaused.class);
        caseEvent("resumed", CaseResumed.class);
        caseEvent("located", CaseLocated.class);
        caseEvent("attachments-added", CaseAttachmentsAdded.class);
        caseEvent("consultation-scheduled", ConsultationScheduled.class);
        caseEvent("consultation-held", ConsultationHeld.class);
        caseEvent("consultation-decided", ConsultationDecided.class);
        caseEvent("consultation-part-dispatched", ConsultationPartDispatched.class);
        caseEvent("consultation-part-done", ConsultationPartDone.class);
        caseEvent("consultation-cancelled", ConsultationCancelled.class);
        caseEvent("taken-up", CaseTakenUp.class);
        orgEvents();
        gridEvents();
        volunteerEvents();
        evaluationEvents();
    }

    private static final Set<String> TYPES = Collections.unmodifiableSet(CLASS_BY_TYPE.keySet());

    private EventCatalog() {
    }

    /** The type string of an event record, e.g. {@code org.grassroots.case.reported}. */
    public static String typeOf(Class<? extends IntegrationEvent> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event class: " + nameOf(eventClass));
        }
        return type;
    }

    /**
     * The record class of a type string.
     *
     * @throws IllegalArgumentException when the type is not registered
     */
    public static Class<? extends IntegrationEvent> classOf(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
    }

    /** The record class of a type string, or empty when this version of the contracts does not know it. */
    public static Optional<Class<? extends IntegrationEvent>> find(String type) {
        return Optional.ofNullable(type == null ? null : CLASS_BY_TYPE.get(type));
    }

    /** The topic an event record is published on. */
    public static String topicOf(Class<?> eventClass) {
        String topic = TOPIC_BY_CLASS.get(eventClass);
        if (topic == null) {
            throw new IllegalArgumentException("not a registered event class: " + nameOf(eventClass));
        }
        return topic;
    }

    /** Every registered type string, in registration order. */
    public static Set<String> types() {
        return TYPES;
    }

    private static void caseEvent(String name, Class<? extends IntegrationEvent> eventClass) {
        register("org.grassroots.case." + name, eventClass, Topics.CASE_EVENTS);
    }

    /** org-service's events on {@code org-events}. */
    private static void orgEvents() {
        register("org.grassroots.org.unit-created", OrgUnitCreated.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.unit-renamed", OrgUnitRenamed.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.unit-moved", OrgUnitMoved.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.unit-retired", OrgUnitRetired.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.member-joined", MemberJoined.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.member-transferred", MemberTransferred.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.member-updated", MemberUpdated.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.department-registered", DepartmentRegistered.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.department-updated", DepartmentUpdated.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.partner-registered", PartnerRegistered.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.partner-updated", PartnerUpdated.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.station-registered", StationRegistered.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.station-updated", StationUpdated.class, Topics.ORG_EVENTS);
        register("org.grassroots.org.station-closed", StationClosed.class, Topics.ORG_EVENTS);
    }

    /** grid-service's events on {@code grid-events}. */
    private static void gridEvents() {
        register("org.grassroots.grid.created", GridCreated.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.renamed", GridRenamed.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.boundary-changed", GridBoundaryChanged.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.org-path-changed", GridOrgPathChanged.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.retired", GridRetired.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.staff-assigned", GridStaffAssigned.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.staff-unassigned", GridStaffUnassigned.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.household-paired", HouseholdPaired.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.household-unpaired", HouseholdUnpaired.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.building-occupied", BuildingOccupied.class, Topics.GRID_EVENTS);
        register("org.grassroots.grid.building-vacated", BuildingVacated.class, Topics.GRID_EVENTS);
    }

    /** volunteer-service's events on {@code volunteer-events}. */
    private static void volunteerEvents() {
        register("org.grassroots.volunteer.points-awarded", PointsAwarded.class, Topics.VOLUNTEER_EVENTS);
        register("org.grassroots.volunteer.activity-completed", ActivityCompleted.class, Topics.VOLUNTEER_EVENTS);
        register("org.grassroots.volunteer.wish-fulfilled", WishFulfilled.class, Topics.VOLUNTEER_EVENTS);
        register("org.grassroots.volunteer.registration-accepted", RegistrationAccepted.class,
                Topics.VOLUNTEER_EVENTS);
    }

    /** evaluation-service's events on {@code evaluation-events}. */
    private static void evaluationEvents() {
        register("org.grassroots.evaluation.case-rated", CaseRated.class, Topics.EVALUATION_EVENTS);
        register("org.grassroots.evaluation.rectification-listed", RectificationListed.class, Topics.EVALUATION_EVENTS);
        register("org.grassroots.evaluation.rectification-lifted", RectificationLifted.class, Topics.EVALUATION_EVENTS);
    }

    private static void register(String type, Class<? extends IntegrationEvent> eventClass, String topic) {
        if (CLASS_BY_TYPE.putIfAbsent(type, eventClass) != null) {
            throw new IllegalStateException("event type registered twice: " + type);
        }
        if (TYPE_BY_CLASS.putIfAbsent(eventClass, type) != null) {
            throw new IllegalStateException("event class registered twice: " + eventClass.getName());
        }
        TOPIC_BY_CLASS.put(eventClass, topic);
    }

    private static String nameOf(Class<?> eventClass) {
        return eventClass == null ? "null" : eventClass.getName();
    }
}
