package org.grassroots.caseservice.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a case's description and place, cut so that a multikey index can find them on
 * MongoDB and on the embedded store alike. MongoDB's text index cannot serve Chinese (its
 * tokeniser sees a run of Hanzi without spaces as one word, and the embedded store has no text
 * index), so the case stores the terms itself: every pair of neighbouring Chinese characters
 * (the bigrams a CJK search engine indexes) and every run of Latin letters or digits, lower-cased.
 * A search word then matches when all of its terms are stored, and the description is checked for
 * the word itself so that the pairs must also stand together.
 */
final class SearchTerms {

    private SearchTerms() {
    }

    /** The terms stored with a case for its description and place description. */
    static List<String> of(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                cut(text, terms);
            }
        }
        return List.copyOf(terms);
    }

    /**
     * The stored terms a search word needs. A lone Chinese character has no pair to look up, so it
     * adds no term: the check of the text itself decides for it.
     */
    static List<String> ofWord(String word) {
        Set<String> terms = new LinkedHashSet<>();
        cut(word, terms);
        return List.copyOf(terms);
    }

    /** The words of a search: split at white space, at most {@code max}. */
    static List<String> words(String query, int max) {
        List<String> words = new ArrayList<>();
        for (String word : query.strip().split("\\s+")) {
            if (!word.isEmpty() && words.size() < max && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static void cut(String text, Set<String> terms) {
        int[] points = text.codePoints().toArray();
        int i = 0;
        while (i < points.length) {
            int start = i;
            if (Character.isIdeographic(points[i])) {
                while (i < points.length && Character.isIdeographic(points[i])) {
                    i++;
                }
                for (int at = start; at + 1 < i; at++) {
                    terms.add(new String(points, at, 2));
                }
            } else if (Character.isLetterOrDigit(points[i])) {
                while (i < points.length && Character.isLetterOrDigit(points[i]) && !Character.isIdeographic(points[i])) {
                    i++;
                }
                terms.add(new String(points, start, i - start).toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
    }
}
