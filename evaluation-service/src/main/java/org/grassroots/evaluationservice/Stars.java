package org.grassroots.evaluationservice;

/** Star ratings (星级) from a score out of 100: 90 and above five stars, then one star less per ten points, at least one. */
public final class Stars {

    private Stars() {
    }

    public static int of(double score) {
        if (score >= 90) {
            return 5;
        }
        if (score >= 80) {
            return 4;
        }
        if (score >= 70) {
            return 3;
        }
        return score >= 60 ? 2 : 1;
    }
}
