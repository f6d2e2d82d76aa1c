package org.grassroots.volunteerservice.timebank;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.conversions.Bson;
import org.grassroots.volunteerservice.timebank.AccountDocument.AccountKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The movements on accounts. Each is one conditional single-document update that changes the
 * balance and records the transfer id together, and only if the id is not recorded yet and the
 * account's limit allows it.
 */
@Component
class Accounts {

    private static final String BALANCE = "balanceMinutes";
    private static final String APPLIED = "applied";

    private final MongoTemplate mongo;
    private final TimeBankSettings settings;
    private final Clock clock;

    Accounts(MongoTemplate mongo, TimeBankSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    Optional<AccountDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AccountDocument.class));
    }

    /** Opens the account unless it exists; either way returns what is stored. */
    AccountDocument open(String id, AccountKind kind, String orgPath, Integer birthYear) {
        try {
            mongo.insert(new AccountDocument(id, kind, orgPath, birthYear, 0, List.of(), clock.instant()));
        } catch (DuplicateKeyException alreadyOpen) {
            // opened before, perhaps by a concurrent request
        }
        return find(id).orElseThrow();
    }

    /** Takes the hours off the account; false if its floor does not allow it (or it does not exist). */
    boolean debit(String accountId, String transferId, long minutes) {
        List<Bson> conditions = notYet(accountId, transferId);
        if (isMember(accountId)) {
            conditions.add(Filters.gte(BALANCE, settings.floorMinutes() + minutes));
        }
        return move(accountId, transferId, Filters.and(conditions), -minutes);
    }

    /** Puts the hours on the account; false if that would exceed the storage cap (or it does not exist). */
    boolean credit(String accountId, String transferId, long minutes) {
        List<Bson> conditions = notYet(accountId, transferId);
        if (isMember(accountId)) {
            conditions.add(Filters.lte(BALANCE, settings.capMinutes() - minutes));
        }
        return move(accountId, transferId, Filters.and(conditions), minutes);
    }

    /** Gives back a debit whose credit was refused; does nothing if it was never debited or refunded already. */
    void refund(String accountId, String transferId, long minutes) {
        String marker = transferId + ":refund";
        mongo.getCollection(AccountDocument.COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", accountId), Filters.eq(APPLIED, transferId), Filters.ne(APPLIED, marker)),
                Updates.combine(Updates.inc(BALANCE, minutes), Updates.push(APPLIED, marker)));
    }

    private boolean move(String accountId, String transferId, Bson filter, long delta) {
        long modified = mongo.getCollection(AccountDocument.COLLECTION)
                .updateOne(filter, Updates.combine(Updates.inc(BALANCE, delta), Updates.push(APPLIED, transferId)))
                .getModifiedCount();
        if (modified == 1) {
            return true;
        }
        // Refused, or applied already by an earlier attempt: only the latter counts as done.
        return find(accountId).map(account -> account.applied().contains(transferId)).orElse(false);
    }

    private static List<Bson> notYet(String accountId, String transferId) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq("_id", accountId));
        conditions.add(Filters.ne(APPLIED, transferId));
        return conditions;
    }

    private boolean isMember(String accountId) {
        return find(accountId).map(account -> account.kind() == AccountKind.MEMBER).orElse(true);
    }
}
