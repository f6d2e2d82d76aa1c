package org.grassroots.volunteerservice.timebank;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.StoreIndex;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.timebank.AccountDocument.AccountKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The time bank (志愿服务时间储蓄): accounts in hours, exchanges both parties confirm, donations to
 * relatives aged 60 or over, and credits for volunteer activities. Services only, never cash.
 */
@Service
public class TimeBank implements IndexedQueries {

    /** The largest single exchange or donation. */
    static final int MAX_HOURS_PER_TRANSFER = 100;
    /** How many of an account's transfers its answer carries, newest first. */
    public static final int LATEST_TRANSFERS = 50;
    static final Set<String> RELATIONS = Set.of("PARENT", "GRANDPARENT", "PARENT_IN_LAW", "SPOUSE", "SIBLING",
            "OTHER_RELATIVE");
    private static final ZoneId HUAIAN = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final Accounts accounts;
    private final TransferApplier applier;
    private final TimeBankSettings settings;
    private final Clock clock;

    TimeBank(MongoTemplate mongo, Accounts accounts, TransferApplier applier, TimeBankSettings settings, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.applier = applier;
        this.settings = settings;
        this.clock = clock;
    }

    /** Transfers by account. */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(
                // account(), transfers(): an account's transfers, either side, newest first.
                StoreIndex.on(TransferDocument.COLLECTION).ascending("fromAccount").descending("createdAt").build(),
                StoreIndex.on(TransferDocument.COLLECTION).ascending("toAccount").descending("createdAt").build());
    }

    /** Opens the caller's account (once); the year of birth only serves the donation age check. */
    public Account open(Caller caller, Integer birthYear) {
        int thisYear = clock.instant().atZone(HUAIAN).getYear();
        if (birthYear != null && (birthYear < 1900 || birthYear > thisYear)) {
            throw new InvalidFieldException("birthYear", "must lie between 1900 and " + thisYear);
        }
        accounts.open(caller.userId(), AccountKind.MEMBER, caller.orgPath(), birthYear);
        return account(caller.userId());
    }

    public Account mine(Caller caller) {
        return account(caller.userId());
    }

    /** A member's account as staff of the member's area see it; 404 outside it. */
    public Account of(String userId, Caller caller) {
        requireVisible(userId, caller);
        return account(userId);
    }

    /** A member's transfers, either side, newest first, a page at a time; 404 outside the caller's area. */
    public Page<Transfer> transfers(String userId, Caller caller, Paging paging) {
        requireVisible(userId, caller);
        return transfersOf(userId, paging);
    }

    private void requireVisible(String userId, Caller caller) {
        AccountDocument account = accounts.find(userId).orElseThrow(() -> new NotFoundException("Account", userId));
        if (!caller.isSubject(userId) && !caller.maySeeOrgPath(account.orgPath())) {
            throw new NotFoundException("Account", userId);
        }
    }

    /**
     * Proposes an exchange: the receiver of a service pays the provider. The caller is one of the
     * two and confirms by proposing; the other confirms later.
     */
    public Transfer proposeExchange(String providerId, String receiverId, long minutes, String service, Caller caller) {
        if (providerId.equals(receiverId)) {
            throw new InvalidFieldException("receiverId", "must differ from providerId");
        }
        if (!caller.isSubject(providerId) && !caller.isSubject(receiverId)) {
            throw new ForbiddenException("You can only propose exchanges you take part in");
        }
        requireAccount(providerId, "providerId");
        requireAccount(receiverId, "receiverId");
        String confirmer = caller.isSubject(providerId) ? receiverId : providerId;
        TransferDocument transfer = new TransferDocument(UUID.randomUUID().toString(), TransferKind.EXCHANGE,
                receiverId, providerId, minutes, service, null, caller.userId(), confirmer, caller.orgPath(),
                TransferState.PROPOSED, null, clock.instant(), clock.instant());
        mongo.insert(transfer);
        return Transfer.of(transfer);
    }

    /** The other party confirms; the hours move at once. */
    public Transfer confirm(String transferId, Caller caller) {
        TransferDocument transfer = visible(transferId, caller);
        if (!caller.isSubject(transfer.confirmer())) {
            throw new ForbiddenException("Only the other party of the exchange confirms it");
        }
        decide(transfer, TransferState.CONFIRMED);
        return finished(applier.drive(transferId));
    }

    public Transfer decline(String transferId, Caller caller) {
        TransferDocument transfer = visible(transferId, caller);
        if (!caller.isSubject(transfer.confirmer())) {
            throw new ForbiddenException("Only the other party of the exchange declines it");
        }
        decide(transfer, TransferState.DECLINED);
        return Transfer.of(mongo.findById(transferId, TransferDocument.class));
    }

    public Transfer cancel(String transferId, Caller caller) {
        TransferDocument transfer = visible(transferId, caller);
        if (!caller.isSubject(transfer.proposedBy())) {
            throw new ForbiddenException("Only who proposed the exchange cancels it");
        }
        decide(transfer, TransferState.CANCELLED);
        return Transfer.of(mongo.findById(transferId, TransferDocument.class));
    }

    /** The caller gives hours to a relative aged 60 or over, who must hold an account with a year of birth. */
    public Transfer donate(String toUserId, long minutes, String relation, Caller caller) {
        if (!RELATIONS.contains(relation)) {
            throw new InvalidFieldException("relation", "must be one of " + String.join(", ", RELATIONS.stream().sorted().toList()));
        }
        if (caller.isSubject(toUserId)) {
            throw new InvalidFieldException("toUserId", "must be someone else");
        }
        requireAccount(caller.userId(), "account");
        AccountDocument recipient = requireAccount(toUserId, "toUserId");
        int thisYear = clock.instant().atZone(HUAIAN).getYear();
        if (recipient.birthYear() == null || thisYear - recipient.birthYear() < settings.donationMinAge()) {
            throw new InvalidFieldException("toUserId",
                    "hours may only be donated to a relative aged " + settings.donationMinAge() + " or over");
        }
        TransferDocument transfer = new TransferDocument(UUID.randomUUID().toString(), TransferKind.DONATION,
                caller.userId(), toUserId, minutes, null, relation, caller.userId(), null, caller.orgPath(),
                TransferState.CONFIRMED, null, clock.instant(), clock.instant());
        mongo.insert(transfer);
        return finished(applier.drive(transfer.id()));
    }

    /**
     * Credits a member for an activity from the community's issuing account, once per
     * {@code transferId} however often it is asked; opens the accounts it needs.
     */
    public Transfer credit(String transferId, String communityId, String communityPath, String memberId,
            long minutes, String service) {
        String issuer = AccountDocument.communityAccount(communityId);
        accounts.open(issuer, AccountKind.COMMUNITY, communityPath, null);
        accounts.open(memberId, AccountKind.MEMBER, communityPath, null);
        try {
            mongo.insert(new TransferDocument(transferId, TransferKind.ACTIVITY_CREDIT, issuer, memberId, minutes,
                    service, null, null, null, communityPath, TransferState.CONFIRMED, null, clock.instant(),
                    clock.instant()));
        } catch (DuplicateKeyException creditedBefore) {
            // the same credit asked again: drive it (it may have been interrupted) and report it
        }
        return Transfer.of(applier.drive(transferId));
    }

    public Transfer transfer(String transferId, Caller caller) {
        return Transfer.of(visible(transferId, caller));
    }

    /** The parties see a transfer, and staff of its area; nobody else learns it exists. */
    private TransferDocument visible(String transferId, Caller caller) {
        TransferDocument transfer = mongo.findById(transferId, TransferDocument.class);
        if (transfer == null || !(transfer.involves(caller.userId())
                || (transfer.orgPath() != null && caller.maySeeOrgPath(transfer.orgPath())))) {
            throw new NotFoundException("Transfer", transferId);
        }
        return transfer;
    }

    private void decide(TransferDocument transfer, TransferState next) {
        if (!transfer.state().mayBecome(next)) {
            throw new InvalidStateException("The transfer is " + transfer.state() + " and cannot become " + next);
        }
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(transfer.id()).and("state")
                        .is(transfer.state())),
                Update.update("state", next).set("updatedAt", clock.instant()),
                TransferDocument.class).getModifiedCount();
        if (changed == 0) {
            throw new InvalidStateException("The transfer changed meanwhile; reload it");
        }
    }

    private static Transfer finished(TransferDocument transfer) {
        if (transfer.state() == TransferState.FAILED) {
            throw new InvalidStateException("The transfer failed: " + transfer.failureReason());
        }
        return Transfer.of(transfer);
    }

    private AccountDocument requireAccount(String userId, String field) {
        return accounts.find(userId).orElseThrow(() -> new InvalidFieldException(field,
                "has no time-bank account (POST /api/timebank/accounts opens one)"));
    }

    private Account account(String userId) {
        AccountDocument account = accounts.find(userId).orElseThrow(() -> new NotFoundException("Account", userId));
        Page<Transfer> recent = transfersOf(userId, new Paging(0, LATEST_TRANSFERS));
        return new Account(account.id(), account.balanceMinutes(), settings.storageCapHours(), recent.items(),
                recent.totalItems());
    }

    /** Either side, newest first; the id settles ties, so pages neither repeat nor skip a transfer. */
    private Page<Transfer> transfersOf(String userId, Paging paging) {
        return PagedQueries.page(mongo, Query.query(new Criteria().orOperator(
                        Criteria.where("fromAccount").is(userId), Criteria.where("toAccount").is(userId)))
                .with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")), TransferDocument.class, Transfer::of, paging);
    }

    /**
     * An account's balance, its latest {@value #LATEST_TRANSFERS} transfers and how many it has in
     * all; the rest are read a page at a time ({@link #transfers}).
     */
    public record Account(String id, long balanceMinutes, int storageCapHours, List<Transfer> transfers,
            long transfersTotal) {
    }

    /** A transfer as parties and staff see it. */
    public record Transfer(String id, TransferKind kind, String fromAccount, String toAccount, long minutes,
            String service, String relation, TransferState state, String awaitingConfirmationBy,
            String failureReason, Instant createdAt) {

        static Transfer of(TransferDocument transfer) {
            return new Transfer(transfer.id(), transfer.kind(), transfer.fromAccount(), transfer.toAccount(),
                    transfer.minutes(), transfer.service(), transfer.relation(), transfer.state(),
                    transfer.state() == TransferState.PROPOSED ? transfer.confirmer() : null,
                    transfer.failureReason(), transfer.createdAt());
        }
    }

    /** Used by the check that hours are never created or destroyed: member and issuing accounts together. */
    long totalMinutes() {
        return mongo.findAll(AccountDocument.class).stream().mapToLong(AccountDocument::balanceMinutes).sum();
    }
}
