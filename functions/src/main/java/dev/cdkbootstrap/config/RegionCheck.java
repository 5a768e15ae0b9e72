package dev.cdkbootstrap.config;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a region name is, against this build's AWS SDK ({@link Regions}); the rules of docs/config.md
 * ("Regions"). A known region is fine. An unknown one is an error when it looks like a slip:
 * <ul>
 *   <li>not region-shaped ({@code EU-WEST-1}, {@code eu-west1}): {@link Verdict#MALFORMED};</li>
 *   <li>a known group ({@code eu-west}) with a number more than two past its highest
 *       ({@code eu-west-9}: AWS numbers a group's regions in order), or a word one edit from a known
 *       word of four or more letters ({@code wset}, {@code esat}, {@code cental}), or a short part
 *       that is a known one's letters in another order ({@code ue}, {@code gvo}):
 *       {@link Verdict#NEAR_MISS};</li>
 * </ul>
 * Anything else region-shaped is {@link Verdict#UNKNOWN}: a region newer than the SDK is plausible
 * (the next number of a group, a new word, a new country prefix such as {@code mx} once was), so it
 * is a plan warning, not an error. Prefixes are compared by their letters only, because a one-letter
 * change of a prefix is often a real other country ({@code me}/{@code mx}).
 *
 * @param message for an error the whole message; for {@code UNKNOWN} the warning; null when known
 */
public record RegionCheck(Verdict verdict, String message) {

    public enum Verdict { KNOWN, UNKNOWN, NEAR_MISS, MALFORMED }

    /** How far past a group's highest known number a region is still taken as possibly new. */
    static final int NEW_NUMBERS = 2;

    private static final Set<String> PREFIXES = new TreeSet<>();
    private static final Set<String> WORDS = new TreeSet<>();
    /** {@code eu-west} to its known numbers. */
    private static final Map<String, TreeSet<Integer>> GROUPS = new TreeMap<>();

    static {
        for (String region : Regions.known()) {
            if (!Regions.isValid(region)) {
                continue; // not shaped like the names it is compared with: nothing to learn from it
            }
            String[] parts = region.split("-");
            PREFIXES.add(parts[0]);
            WORDS.addAll(Arrays.asList(parts).subList(1, parts.length - 1));
            GROUPS.computeIfAbsent(group(region), g -> new TreeSet<>())
                    .add(Integer.parseInt(parts[parts.length - 1]));
        }
    }

    public boolean isError() {
        return verdict == Verdict.NEAR_MISS || verdict == Verdict.MALFORMED;
    }

    public static RegionCheck of(String region) {
        if (Regions.isKnown(region)) {
            return new RegionCheck(Verdict.KNOWN, null);
        }
        String shown = Nodes.abbreviate(region);
        if (!Regions.isValid(region)) {
            return new RegionCheck(Verdict.MALFORMED, "\"" + shown + "\" is not a region name (expected the shape of "
                    + "e.g. eu-west-1, us-gov-west-1 or eusc-de-east-1)" + didYouMean(region));
        }
        String unknown = "region " + shown + " is not known to this build's AWS SDK (" + Regions.SDK_VERSION + ")";
        String group = group(region);
        int number = Integer.parseInt(region.substring(group.length() + 1));
        TreeSet<Integer> numbers = GROUPS.get(group);
        if (numbers != null) {
            String known = members(group, numbers);
            if (number > numbers.last() + NEW_NUMBERS) {
                return new RegionCheck(Verdict.NEAR_MISS, unknown + ": the " + group + " regions are " + known);
            }
            return new RegionCheck(Verdict.UNKNOWN, tried(unknown, region) + " (the " + group + " regions it knows: "
                    + known + ")");
        }
        String[] parts = region.split("-");
        List<String> slips = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            Optional<String> meant = i == 0 ? anagram(parts[i], PREFIXES) : misspelt(parts[i]);
            if (meant.isPresent()) {
                slips.add("\"" + Nodes.abbreviate(parts[i]) + "\" looks like a misspelling of \"" + meant.get() + "\"");
                parts[i] = meant.get();
            }
        }
        if (!slips.isEmpty()) {
            String corrected = String.join("-", parts);
            TreeSet<Integer> correctedGroup = GROUPS.get(corrected.substring(0, corrected.lastIndexOf('-')));
            String hint = Regions.isKnown(corrected) ? "did you mean " + corrected + "?"
                    : correctedGroup != null ? String.join("; ", slips) + " (the " + group(corrected) + " regions are "
                    + members(group(corrected), correctedGroup) + ")" : String.join("; ", slips);
            return new RegionCheck(Verdict.NEAR_MISS, unknown + "; " + hint);
        }
        // A hint only: one edit from a known region of the same partition (mx-central-1 and me-central-1).
        String near = Regions.known().stream().filter(k -> Suggestions.distance(region, k) == 1
                && Regions.partition(k).equals(Regions.partition(region))).findFirst()
                .map(k -> "; did you mean " + k + "?").orElse("");
        return new RegionCheck(Verdict.UNKNOWN, tried(unknown, region) + near);
    }

    private static String group(String region) {
        return region.substring(0, region.lastIndexOf('-'));
    }

    private static String members(String group, TreeSet<Integer> numbers) {
        return String.join(", ", numbers.stream().map(n -> group + "-" + n).toList());
    }

    private static String tried(String unknown, String region) {
        return unknown + "; if it is a new region, it will be tried, in partition " + Regions.partition(region)
                + (Regions.isPlaced(region) ? "" : " (the SDK's default: no partition's region pattern matches it)");
    }

    private static String didYouMean(String region) {
        return Suggestions.closest(region, Regions.known()).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** A known word one edit away (four letters or more), or a short one's letters in another order. */
    private static Optional<String> misspelt(String word) {
        if (WORDS.contains(word)) {
            return Optional.empty();
        }
        Optional<String> swapped = anagram(word, WORDS);
        if (swapped.isPresent()) {
            return swapped;
        }
        return WORDS.stream().filter(w -> w.length() >= 4 && Suggestions.distance(word, w) == 1).findFirst();
    }

    private static Optional<String> anagram(String part, Set<String> candidates) {
        if (candidates.contains(part)) {
            return Optional.empty();
        }
        List<Integer> letters = part.chars().sorted().boxed().toList();
        return candidates.stream().filter(c -> c.length() == part.length()
                && c.chars().sorted().boxed().toList().equals(letters)).findFirst();
    }
}
