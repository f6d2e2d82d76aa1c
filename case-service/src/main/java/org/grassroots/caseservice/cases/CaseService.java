package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryCatalogue;
import org.grassroots.platform.problem.InvalidFieldException;
import org.grassroots.platform.problem.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.springframework.stereotype.Service;

/** The case commands and queries, each checking who may do it. */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CategoryCatalogue categories;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseNumbers numbers, CategoryCatalogue categories, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.categories = categories;
        this.clock = clock;
    }

    /** Files a report under an active category of the catalogue. */
    public Case report(Case.NewReport report) {
        Category category = activeCategory(report.categoryCode());
        Case.Reported reported = Case.report(report, category, UUID.randomUUID().toString(), numbers.next(),
                clock.instant());
        cases.add(reported.aCase(), List.of(reported.event()));
        return reported.aCase();
    }

    private Category activeCategory(String code) {
        Category category;
        try {
            category = categories.get(code);
        } catch (NotFoundException unknown) {
            throw new InvalidFieldException("categoryCode", "is not in the category catalogue (GET /api/categories)");
        }
        if (!category.isActive()) {
            throw new InvalidFieldException("categoryCode", "is retired; choose a current category");
        }
        return category;
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
