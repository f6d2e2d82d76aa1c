package org.grassroots.volunteerservice.timebank;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A time-bank account. {@code applied} lists the transfer ids whose movement has been applied
 * here (and {@code <id>:refund} for refunds): the balance and that list change in one
 * conditional update, so a movement is applied once however often it is attempted.
 *
 * @param id        the member's user id, or {@code community:<community id>} for a community's issuing account
 * @param birthYear the member's year of birth, used only to check a donation's recipient is 60 or over
 */
@Document(AccountDocument.COLLECTION)
record AccountDocument(
        @Id String id,
        AccountKind kind,
        String orgPath,
        Integer birthYear,
        long balanceMinutes,
        List<String> applied,
        Instant openedAt) {

    static final String COLLECTION = "timebank_accounts";

    static String communityAccount(String communityId) {
        return "community:" + communityId;
    }

    enum AccountKind {
        /** A member's own hours: capped, and never below the negative limit. */
        MEMBER,
        /** A community's issuing account: credits for activities come from it, so it runs negative. */
        COMMUNITY
    }
}
