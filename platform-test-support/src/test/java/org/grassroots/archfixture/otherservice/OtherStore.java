package org.grassroots.archfixture.otherservice;

public class OtherStore {

    public int count() {
        return 0;
    }
}
