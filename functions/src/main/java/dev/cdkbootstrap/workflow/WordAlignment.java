package dev.cdkbootstrap.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Word patterns for {@link WarningGroups}: a pattern is a list of words in which {@code null} stands for a run
 * of any words (none too). Merging aligns a pattern with a message by their longest common subsequence of
 * words, so a run of words that one of them has and the other not (e.g. a list of two places where the other
 * has one) becomes one {@code null}.
 */
final class WordAlignment {
    private WordAlignment() {}

    /** The pattern both {@code pattern} and {@code words} match: their shared words in order, runs between. */
    static List<String> merge(List<String> pattern, List<String> words) {
        int[][] shared = new int[pattern.size() + 1][words.size() + 1]; // of pattern[i..] and words[j..]
        for (int i = pattern.size() - 1; i >= 0; i--) {
            for (int j = words.size() - 1; j >= 0; j--) {
                shared[i][j] = same(pattern.get(i), words.get(j)) ? shared[i + 1][j + 1] + 1
                        : Math.max(shared[i + 1][j], shared[i][j + 1]);
            }
        }
        List<String> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < pattern.size() || j < words.size()) {
            if (i < pattern.size() && j < words.size() && same(pattern.get(i), words.get(j))) {
                merged.add(pattern.get(i++));
                j++;
                continue;
            }
            if (merged.isEmpty() || merged.getLast() != null) {
                merged.add(null);
            }
            if (j == words.size() || i < pattern.size() && shared[i + 1][j] >= shared[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return merged;
    }

    /** What {@code words} has at each {@code null} of {@code pattern} (each run the shortest that fits), joined by spaces. */
    static List<String> runs(List<String> pattern, List<String> words) {
        boolean[][] fits = new boolean[pattern.size() + 1][words.size() + 1]; // pattern[i..] matches words[j..]
        fits[pattern.size()][words.size()] = true;
        for (int i = pattern.size() - 1; i >= 0; i--) {
            for (int j = words.size(); j >= 0; j--) {
                fits[i][j] = pattern.get(i) == null ? fits[i + 1][j] || j < words.size() && fits[i][j + 1]
                        : j < words.size() && pattern.get(i).equals(words.get(j)) && fits[i + 1][j + 1];
            }
        }
        if (!fits[0][0]) {
            throw new IllegalArgumentException("the words do not match the pattern");
        }
        List<String> runs = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i) != null) {
                j++;
                continue;
            }
            int end = j;
            while (!fits[i + 1][end]) {
                end++;
            }
            runs.add(String.join(" ", words.subList(j, end)));
            j = end;
        }
        return runs;
    }

    private static boolean same(String patternWord, String word) {
        return patternWord != null && patternWord.equals(word);
    }
}
