package org.grassroots.orgservice.imports;

/** What saving one record did: an import reports how many of each. */
public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
}
