package org.grassroots.misnamedfixture;

import org.junit.jupiter.api.Test;

/** A test class the build never runs (its name matches no test pattern): the naming rule must find it. */
class MisnamedExample {

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
    }

    @Test
    void givenAnEvent_whenDeliveredTwice_thenItHasOneEffect() {
    }
}
