package dev.cdkbootstrap.config;

/**
 * A count and its noun in the right number, for every message that prints a count ("1 digit", "11 digits",
 * "1 more place names it", "2 more places name it"): no "(s)" and no "1 digits".
 */
public final class Plural {

    private Plural() {}

    /** {@code 1 digit}, {@code 0 digits}, {@code 11 digits}: the plural adds "s". */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** {@code 1 match}, {@code 2 matches}: a plural of its own. */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
