package org.grassroots.volunteerservice.timebank.web;

import java.math.BigDecimal;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.timebank.Hours;
import org.grassroots.volunteerservice.timebank.TimeBank;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The time bank: accounts, exchanges both parties confirm, and donations. */
@RestController
@RequestMapping("/api/timebank")
class TimeBankController {

    private static final int MAX_HOURS = 100;

    private final TimeBank bank;

    TimeBankController(TimeBank bank) {
        this.bank = bank;
    }

    /** Opens the caller's account; opening it again returns it unchanged. */
    @PostMapping("/accounts")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse open(@Valid @RequestBody(required = false) OpenAccountRequest request, Caller caller) {
        return AccountResponse.of(bank.open(caller, request == null ? null : request.birthYear()));
    }

    @GetMapping("/accounts/me")
    @PreAuthorize("isAuthenticated()")
    AccountResponse mine(Caller caller) {
        return AccountResponse.of(bank.mine(caller));
    }

    /** A member's account, for the member and for staff of the member's area. */
    @GetMapping("/accounts/{userId}")
    @PreAuthorize("isAuthenticated()")
    AccountResponse account(@PathVariable String userId, Caller caller) {
        return AccountResponse.of(bank.of(userId, caller));
    }

    /** The caller's transfers, newest first, a page at a time. */
    @GetMapping("/accounts/me/transfers")
    @PreAuthorize("isAuthenticated()")
    Page<TransferResponse> myTransfers(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return bank.transfers(caller.userId(), caller, Paging.of(page, size)).map(TransferResponse::of);
    }

    /** A member's transfers, for the member and for staff of the member's area, a page at a time. */
    @GetMapping("/accounts/{userId}/transfers")
    @PreAuthorize("isAuthenticated()")
    Page<TransferResponse> transfers(@PathVariable String userId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return bank.transfers(userId, caller, Paging.of(page, size)).map(TransferResponse::of);
    }

    @PostMapping("/exchanges")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    TransferResponse proposeExchange(@Valid @RequestBody ExchangeRequest request, Caller caller) {
        return TransferResponse.of(bank.proposeExchange(request.providerId(), request.receiverId(),
                Hours.toMinutes(request.hours(), MAX_HOURS, "hours"), request.service(), caller));
    }

    @PostMapping("/donations")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    TransferResponse donate(@Valid @RequestBody DonationRequest request, Caller caller) {
        return TransferResponse.of(bank.donate(request.toUserId(),
                Hours.toMinutes(request.hours(), MAX_HOURS, "hours"), request.relation(), caller));
    }

    @GetMapping("/transfers/{id}")
    @PreAuthorize("isAuthenticated()")
    TransferResponse transfer(@PathVariable String id, Caller caller) {
        return TransferResponse.of(bank.transfer(id, caller));
    }

    @PostMapping("/transfers/{id}/confirm")
    @PreAuthorize("isAuthenticated()")
    TransferResponse confirm(@PathVariable String id, Caller caller) {
        return TransferResponse.of(bank.confirm(id, caller));
    }

    @PostMapping("/transfers/{id}/decline")
    @PreAuthorize("isAuthenticated()")
    TransferResponse decline(@PathVariable String id, Caller caller) {
        return TransferResponse.of(bank.decline(id, caller));
    }

    @PostMapping("/transfers/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    TransferResponse cancel(@PathVariable String id, Caller caller) {
        return TransferResponse.of(bank.cancel(id, caller));
    }

    record OpenAccountRequest(Integer birthYear) {
    }

    /** The receiver of the service pays the provider; the caller is one of them. */
    record ExchangeRequest(@NotBlank @Size(max = 64) String providerId, @NotBlank @Size(max = 64) String receiverId,
            @NotNull BigDecimal hours, @NotBlank @Size(max = 200) String service) {
    }

    /** {@code relation}: PARENT, GRANDPARENT, PARENT_IN_LAW, SPOUSE, SIBLING or OTHER_RELATIVE. */
    record DonationRequest(@NotBlank @Size(max = 64) String toUserId, @NotNull BigDecimal hours,
            @NotBlank @Size(max = 40) String relation) {
    }
}
