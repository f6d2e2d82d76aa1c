package org.grassroots.caseservice.cases.web;

import java.util.List;

import org.grassroots.caseservice.cases.CaseSearch.CasePage;
import org.grassroots.platform.security.Caller;

/** One page of a case list: {@code page} counts from 0, {@code totalItems} over all pages. */
record CasePageResponse(List<CaseResponse> items, int page, int size, long totalItems) {

    static CasePageResponse of(CasePage page, Caller caller) {
        return new CasePageResponse(page.items().stream().map(aCase -> CaseResponse.of(aCase, caller)).toList(),
                page.page(), page.size(), page.totalItems());
    }
}
