package org.grassroots.testsupport;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Text put together at random from given pieces, for holding one implementation against another
 * (ours against a library's default) on many odd inputs. Seeded, so a failure repeats.
 *
 * <pre>{@code
 * RandomText.of(List.of("Bearer ", " ", "=", "a", "é"), "Bearer ", 20_000, 25)
 *         .forEach(header -> assertThat(ours(header)).isEqualTo(theirs(header)));
 * }</pre>
 */
public final class RandomText {

    private RandomText() {
    }

    /**
     * {@code count} texts of one to six pieces each, in any order and with repeats; two in three begin
     * with {@code prefix} (give "" for none).
     */
    public static Stream<String> of(List<String> pieces, String prefix, int count, long seed) {
        Random random = new Random(seed);
        return Stream.generate(() -> {
            StringBuilder text = new StringBuilder(random.nextInt(3) == 0 ? "" : prefix);
            for (int n = random.nextInt(6); n >= 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            return text.toString();
        }).limit(count);
    }
}
