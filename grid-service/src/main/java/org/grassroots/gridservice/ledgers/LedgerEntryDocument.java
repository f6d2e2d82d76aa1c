package org.grassroots.gridservice.ledgers;

import java.time.Instant;

import org.grassroots.gridservice.ledgers.LedgerEntry.LedgerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a ledger line is stored; lines stored before versions were kept read as version 1. */
@Document(LedgerEntryDocument.COLLECTION)
record LedgerEntryDocument(@Id String id, String gridCode, String orgPath, LedgerKind kind, String name,
        String address, String creditCode, String contactPhoneCipher, Instant createdAt, Long version) {

    static final String COLLECTION = "ledger_entries";

    static LedgerEntryDocument of(LedgerEntry entry) {
        return new LedgerEntryDocument(entry.id(), entry.gridCode(), entry.orgPath(), entry.kind(), entry.name(),
                entry.address(), entry.creditCode(), entry.contactPhoneCipher(), entry.createdAt(), entry.version());
    }

    LedgerEntry toEntry() {
        return new LedgerEntry(id, gridCode, orgPath, kind, name, address, creditCode, contactPhoneCipher, createdAt,
                version == null ? 1 : version);
    }
}
