package org.grassroots.archfixture.badservice;

import org.grassroots.archfixture.otherservice.OtherStore;

/** Breaks the rule that no service reads another's store. */
public class NosyLedger {

    public int peek() {
        return new OtherStore().count();
    }
}
