package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.grassroots.platform.problem.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.springframework.stereotype.Service;

/** The case commands and queries, each checking who may do it. */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseNumbers numbers, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.clock = clock;
    }

    public Case report(Case.NewReport report) {
        Case.Reported reported = Case.report(report, UUID.randomUUID().toString(), numbers.next(), clock.instant());
        cases.add(reported.aCase(), List.of(reported.event()));
        return reported.aCase();
    }

    /** A resident sees their own cases; staff see the cases of their area. */
    public Case get(String id, Caller caller) {
        Case found = cases.find(id).orElseThrow(() -> new NotFoundException("Case", id));
        if (!found.isReportedBy(caller.userId()) && !caller.maySeeOrgPath(found.orgPath())) {
            // Answer as if it did not exist: another resident's case is not even confirmed to exist.
            throw new NotFoundException("Case", id);
        }
        return found;
    }
}
