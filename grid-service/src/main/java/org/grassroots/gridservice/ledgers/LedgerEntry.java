package org.grassroots.gridservice.ledgers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * A line of the business or the unit ledger (经济台账 / 资源台账): an individual business (个体工商户,
 * shop, stall) or an organisation (单位: school, company, social organisation) in a grid. The contact
 * phone is held only encrypted, like residents' phones ({@code contactPhoneCipher}). Recording one
 * publishes nothing (no consumer needs ledger lines).
 */
public record LedgerEntry(String id, String gridCode, String orgPath, LedgerKind kind, String name,
        String address, String creditCode, String contactPhoneCipher, Instant createdAt, long version) {

    /** A mobile number, or a landline with its area code. */
    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    public enum LedgerKind {
        BUSINESS, UNIT
    }

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
    }

    /** Checks a contact phone before it is encrypted; null (no phone) is fine. */
    static void checkPhone(String contactPhone) {
        if (contactPhone != null && !contactPhone.matches(PHONE)) {
            throw new InvalidFieldException("contactPhone", "a mobile number or a landline with its area code");
        }
    }

    /** A new line of the ledger, at version 1. */
    static LedgerEntry record(String id, String gridCode, String orgPath, LedgerKind kind, String name, String address,
            String creditCode, String contactPhoneCipher, Instant now) {
        return new LedgerEntry(id, gridCode, orgPath, kind, name, address, creditCode, contactPhoneCipher, now, 1);
    }

    /** The events of its recording: none. */
    List<IntegrationEvent> recorded() {
        return List.of();
    }
}
