package org.grassroots.evaluationservice.propertycompanies;

import java.util.List;

/**
 * The half-yearly red and black lists (每半年发布一次红黑榜): the best and the worst companies by
 * the mean of their two quarter scores. A company is never on both; with fewer than two
 * companies per list place the lists are shorter.
 *
 * @param half     e.g. {@code 2026-H1}
 * @param red      the best, best first
 * @param black    the worst, worst first
 * @param standing every evaluated company, best first
 */
public record RedBlackList(String half, List<Standing> red, List<Standing> black, List<Standing> standing) {

    public record Standing(String companyId, String name, double score, int stars) {
    }
}
