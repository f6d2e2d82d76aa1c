package org.grassroots.volunteerservice.timebank.web;

import java.math.BigDecimal;
import java.util.List;

import org.grassroots.volunteerservice.timebank.Hours;
import org.grassroots.volunteerservice.timebank.TimeBank;

/**
 * An account's balance in hours (and minutes, exactly), its storage cap, its latest transfers (at
 * most {@value TimeBank#LATEST_TRANSFERS}, newest first) and how many it has in all
 * ({@code transfersTotal}; {@code GET /api/timebank/accounts/{userId}/transfers} pages through them).
 */
record AccountResponse(String id, BigDecimal hours, long minutes, int storageCapHours,
        List<TransferResponse> transfers, long transfersTotal) {

    static AccountResponse of(TimeBank.Account account) {
        return new AccountResponse(account.id(), Hours.ofMinutes(account.balanceMinutes()), account.balanceMinutes(),
                account.storageCapHours(), account.transfers().stream().map(TransferResponse::of).toList(),
                account.transfersTotal());
    }
}
