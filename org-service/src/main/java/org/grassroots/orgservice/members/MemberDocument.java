package org.grassroots.orgservice.members;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.platform.crypto.FieldCipher;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a member is stored: the phone only encrypted. The unit's path is not copied here, so moving
 * a subtree never has to touch members; scope checks look the unit up.
 */
@Document(MemberDocument.COLLECTION)
record MemberDocument(
        @Id String id,
        String name,
        String phoneEncrypted,
        LocalDate joinedOn,
        MemberStatus status,
        String unitCode,
        List<MemberRole> roles,
        String userId,
        List<Transfer> transfers,
        long version) {

    static final String COLLECTION = "members";

    static MemberDocument of(PartyMember member, FieldCipher cipher) {
        return new MemberDocument(member.id(), member.name(), cipher.encrypt(member.phone()), member.joinedOn(),
                member.status(), member.unitCode(), member.roles(), member.userId(), member.transfers(),
                member.version());
    }

    PartyMember toMember(FieldCipher cipher) {
        return new PartyMember(id, name, cipher.decrypt(phoneEncrypted), joinedOn, status, unitCode, roles, userId,
                transfers, version);
    }
}
