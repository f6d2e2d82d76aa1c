package org.grassroots.orgservice.imports;

/**
 * What an import did, per section. A second import of the same data reports everything unchanged.
 *
 * @param tookMillis how long the import took inside the service (validation and writes; the
 *                   events leave through the outbox right after)
 */
public record ImportReport(Tally units, Tally members, Tally departments, Tally partners, long tookMillis) {

    /** Records created, updated (a member transferred counts as updated) and left as they were. */
    public record Tally(int created, int updated, int unchanged) {

        public static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Outcome outcome) {
            return switch (outcome) {
                case CREATED -> new Tally(created + 1, updated, unchanged);
                case UPDATED -> new Tally(created, updated + 1, unchanged);
                case UNCHANGED -> new Tally(created, updated, unchanged + 1);
            };
        }
    }
}
