package org.grassroots.archfixture.goodservice;

/** A plain aggregate that keeps its own rule. */
public class Parcel {

    private boolean delivered;

    public void deliver() {
        if (delivered) {
            throw new IllegalStateException("already delivered");
        }
        delivered = true;
    }
}
