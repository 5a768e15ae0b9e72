package dev.cdkbootstrap.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" hints for misspelt keys and names. */
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate when it is plausibly what was meant (case, dash/underscore, small typos). */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        String normalized = normalize(given);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(normalized, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, normalized.length() / 4);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /**
     * Edit distance with adjacent swaps (optimal string alignment: insert, delete, substitute, or swap
     * two neighbours, each 1), so "regoin" is one edit from "region"; inputs are short names, so the
     * quadratic table is fine. {@link Integer#MAX_VALUE} when either is longer than 64 characters.
     */
    public static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
