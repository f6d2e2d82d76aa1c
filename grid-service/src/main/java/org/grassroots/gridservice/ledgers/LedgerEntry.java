package org.grassroots.gridservice.ledgers;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A line of the business or the unit ledger (经济台账 / 资源台账): an individual business (个体工商户,
 * shop, stall) or an organisation (单位: school, company, social organisation) in a grid. The contact
 * phone is encrypted at rest like residents' phones.
 */
@Document("ledger_entries")
public record LedgerEntry(@Id String id, String gridCode, String orgPath, LedgerKind kind, String name,
        String address, String creditCode, String contactPhoneCipher, Instant createdAt) {

    public enum LedgerKind {
        BUSINESS, UNIT
    }
}
