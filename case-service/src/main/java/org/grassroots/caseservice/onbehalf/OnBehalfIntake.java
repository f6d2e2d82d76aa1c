package org.grassroots.caseservice.onbehalf;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * 代为登记: community staff record a walk-in or phone complaint for a resident who does not use the
 * app. The case is filed like any report, with the staff member as its reporter and the channel
 * saying how it came in; the resident's name and phone are sealed ({@link ContactCipher}) and stored
 * apart from the case, so no event, list or log carries them. Staff of the case's area read them
 * back to call the resident, and the reading is logged without the values.
 */
@Service
public class OnBehalfIntake {

    private static final Logger log = LoggerFactory.getLogger(OnBehalfIntake.class);

    private final CaseService cases;
    private final ContactCipher cipher;
    private final MongoTemplate mongo;
    private final Clock clock;

    OnBehalfIntake(CaseService cases, ContactCipher cipher, MongoTemplate mongo, Clock clock) {
        this.cases = cases;
        this.cipher = cipher;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The resident's contact as staff read it back. */
    public record CallerContact(String name, String phone) {
    }

    /** Files the case for the resident and stores their contact sealed; answers the new case. */
    public Case record(Case.NewReport report, Map<String, Object> answers, CallerContact contact, String bearerToken,
            Caller caller) {
        if (report.channel() != Channel.WALK_IN && report.channel() != Channel.PHONE_CALL) {
            throw new InvalidFieldException("channel", "must be WALK_IN or PHONE_CALL for a complaint recorded on a"
                    + " resident's behalf");
        }
        if (contact == null || isBlank(contact.phone())) {
            throw new InvalidFieldException("caller.phone", "is required, so the community can call the resident back");
        }
        if (!contact.phone().strip().matches("[0-9+\\- ]{5,20}")) {
            throw new InvalidFieldException("caller.phone", "must be a phone number (digits, +, - and spaces)");
        }
        Case filed = cases.report(report, answers, bearerToken);
        mongo.insert(new CallerContactDocument(filed.id(), report.channel(),
                isBlank(contact.name()) ? null : cipher.seal(contact.name().strip()),
                cipher.seal(contact.phone().strip()), caller.userId(), clock.instant()));
        log.info("Case {} recorded on a resident's behalf ({}) by {}", filed.number(), report.channel(),
                caller.userId());
        return filed;
    }

    /** The contact of a case recorded on a resident's behalf, for staff of the case's area. */
    public CallerContact contact(String caseId, Caller caller) {
        Case aCase = cases.get(caseId, caller);
        boolean staffOfArea = caller.maySeeOrgPath(aCase.orgPath()) && (caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN));
        if (!staffOfArea) {
            throw new ForbiddenException("Only staff of the case's area may read the resident's contact");
        }
        CallerContactDocument stored = Optional.ofNullable(mongo.findById(caseId, CallerContactDocument.class))
                .orElseThrow(() -> new NotFoundException("The case " + aCase.number()
                        + " was not recorded on a resident's behalf, so no contact is kept for it"));
        log.info("Contact of case {} read by {}", aCase.number(), caller.userId());
        return new CallerContact(cipher.open(stored.sealedName()), cipher.open(stored.sealedPhone()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
