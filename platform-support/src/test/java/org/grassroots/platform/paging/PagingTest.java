package org.grassroots.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void givenNoPageOrSize_thenTheFirstPageOfTheDefaultSize() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, Paging.DEFAULT_SIZE));
        assertThat(Paging.of(null, null, 50)).isEqualTo(new Paging(0, 50));
    }

    @Test
    void givenTheThirdPageOfTen_thenTwentyItemsComeBeforeIt() {
        assertThat(Paging.of(2, 10).skip()).isEqualTo(20);
    }

    @Test
    void givenANegativePageOrASizeOutOfBounds_thenTheFieldIsNamed() {
        assertThatThrownBy(() -> Paging.of(-1, 10)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> Paging.of(0, 0)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> Paging.of(0, Paging.MAX_SIZE + 1)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("size");
    }

    @Test
    void givenAListWithASmallerMaximum_whenALargerPageIsAsked_thenTheFieldIsNamedWithThatMaximum() {
        assertThat(Paging.of(1, 100, 20, 100)).isEqualTo(new Paging(1, 100));
        assertThatThrownBy(() -> Paging.of(0, 101, 20, 100)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("size").hasMessageContaining("between 1 and 100");
    }

    @Test
    void givenAPage_whenItsItemsAreMapped_thenItStaysTheSamePageOfTheSameList() {
        Page<Integer> numbers = Page.of(List.of(1, 2), Paging.of(3, 2), 9);

        Page<String> texts = numbers.map(n -> "#" + n);

        assertThat(texts).isEqualTo(new Page<>(List.of("#1", "#2"), 3, 2, 9));
    }

    @Test
    void givenAListHeldWhole_whenSliced_thenEachPageHoldsItsItemsAndAPagePastTheEndNone() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);

        assertThat(Page.slice(all, Paging.of(0, 2))).isEqualTo(new Page<>(List.of(1, 2), 0, 2, 5));
        assertThat(Page.slice(all, Paging.of(2, 2))).isEqualTo(new Page<>(List.of(5), 2, 2, 5));
        assertThat(Page.slice(all, Paging.of(7, 2))).isEqualTo(new Page<>(List.of(), 7, 2, 5));
    }
}
