package org.grassroots.evaluationservice.ratings.web;

import java.net.URI;

import org.grassroots.evaluationservice.ratings.RatingService;
import org.grassroots.evaluationservice.ratings.RatingService.Answer;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/ratings")
@Validated
class RatingController {

    private final RatingService ratings;

    RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    /**
     * Rates a closed case: the reporter within the window after the close, or staff of the case's
     * area entering the reporter's answer from a follow-up call. 201 with the rating; 409 when the
     * case is not closed, the window has passed or it was rated already; 503 when case-service
     * cannot be asked.
     */
    @PostMapping
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<RatingResponse> rate(@Valid @RequestBody RateCaseRequest request, Caller caller,
            @AuthenticationPrincipal Jwt token) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        var rating = ratings.rate(new Answer(request.caseId().strip(), request.satisfaction(), comment), caller,
                token.getTokenValue());
        return ResponseEntity.created(URI.create("/api/ratings/" + rating.caseId())).body(RatingResponse.of(rating));
    }

    /** The rating of a case, for whoever gave it, staff of its area and the department that handled it. */
    @GetMapping("/{caseId}")
    @PreAuthorize("isAuthenticated()")
    RatingResponse get(@PathVariable String caseId, Caller caller) {
        return RatingResponse.of(ratings.get(caseId, caller));
    }

    /** Ratings the caller may see, newest first: residents their own, staff their area, departments their own. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<RatingResponse> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Caller caller) {
        return ratings.list(caller, Paging.of(page, size)).map(RatingResponse::of);
    }
}
