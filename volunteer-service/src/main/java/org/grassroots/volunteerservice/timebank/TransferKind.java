package org.grassroots.volunteerservice.timebank;

/** Why hours move. */
public enum TransferKind {
    /** One member served another; the served member pays the helper. Both confirm. */
    EXCHANGE,
    /** A member gives hours to a relative aged 60 or over. */
    DONATION,
    /** A community credits a member for a volunteer activity, from its own issuing account. */
    ACTIVITY_CREDIT
}
