package org.grassroots.caseservice.onbehalf;

import java.time.Instant;

import org.grassroots.contracts.cases.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The contact of a resident whose complaint staff recorded on their behalf (代为登记), sealed, keyed
 * by the case id. Kept apart from the case so the case, its events and its lists never hold it.
 */
@Document(CallerContactDocument.COLLECTION)
record CallerContactDocument(@Id String caseId, Channel channel, String sealedName, String sealedPhone,
        String recordedBy, Instant recordedAt) {

    static final String COLLECTION = "caller_contacts";
}
