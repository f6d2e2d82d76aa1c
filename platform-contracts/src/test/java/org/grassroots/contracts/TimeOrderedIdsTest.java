package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void givenANewId_whenRead_thenItIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void givenIdsMadeInSuccessiveMilliseconds_whenComparedAsText_thenTheyAreInTheOrderMade() {
        List<String> made = new ArrayList<>();
        long start = 1_765_000_000_000L; // December 2025
        for (long millis = start; millis < start + 2_000; millis += 7) {
            made.add(TimeOrderedIds.at(millis).toString());
        }
        assertThat(made).isSorted();
        assertThat(TimeOrderedIds.at(0xFFFF_FFFF_FFFFL).toString()).startsWith("ffffffff-ffff-7");
        assertThat(TimeOrderedIds.at(0).toString()).startsWith("00000000-0000-7");
    }

    @Test
    void givenManyIdsInTheSameMillisecond_whenMade_thenNoneRepeatsAndTheRandomBitsVary() {
        Set<UUID> ids = new HashSet<>();
        long orOfLow = 0, andOfLow = -1;
        for (int i = 0; i < 100_000; i++) {
            UUID id = TimeOrderedIds.at(1_765_000_000_000L);
            ids.add(id);
            orOfLow |= id.getLeastSignificantBits();
            andOfLow &= id.getLeastSignificantBits();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        }
        assertThat(ids).hasSize(100_000);
        // Every one of rand_b's 62 bits was set in some id and clear in another.
        assertThat(orOfLow & 0x3FFF_FFFF_FFFF_FFFFL).isEqualTo(0x3FFF_FFFF_FFFF_FFFFL);
        assertThat(andOfLow & 0x3FFF_FFFF_FFFF_FFFFL).isZero();
    }
}
