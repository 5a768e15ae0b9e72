package dev.cdkbootstrap.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repeated messages grouped, so that 60 targets with the same warning read as one line with a count
 * (the console of the sandbox and of {@code bootstrapctl run --wait | status}, report.md, the report
 * notification). Two messages are the same kind when, after taking out what names their target, they
 * have the same words but for at most {@value #MAX_VARYING} of them (and at most one word in
 * {@value #WORDS_PER_VARYING}): a message {@code "<account>/<region>: <text>"} is about that target, and in
 * its text the account and the region read {@code <account>} and {@code <region>}. A kind's
 * {@link Group#message()} is its one message as it is, or, for several, the shared text with each word that
 * differs shown as its common start and end around "…" (e.g. {@code (set1/dev);} and {@code (pipeline);} read
 * {@code (…);}). Order: by first appearance.
 */
public final class WarningGroups {
    static final int MAX_VARYING = 2;
    static final int WORDS_PER_VARYING = 5;
    private static final Pattern TARGET = Pattern.compile("^(\\d{12})/([a-z0-9-]+): (.+)$", Pattern.DOTALL);

    /**
     * One kind of message.
     *
     * @param message  how the kind reads (see the class comment)
     * @param targets  the {@code <account>/<region>} of each of its messages about a target, in order
     * @param messages every message of the kind as it is, in order
     */
    public record Group(String message, List<String> targets, List<String> messages) {
        public int count() {
            return messages.size();
        }

        /**
         * The console line: {@code "<label>: <message>"} for one message, else
         * {@code "<label> (xN): <message> — <where>"}, e.g. {@code "warning (x55): ... — 55 targets, each in report.md"}.
         */
        public String line(String label, String where) {
            if (count() == 1) {
                return label + ": " + message;
            }
            String who = targets.isEmpty() ? "" : targets.size() == count() ? count() + " targets, " : targets.size() + " targets and others, ";
            return label + " (x" + count() + "): " + message + " — " + who + where;
        }
    }

    private WarningGroups() {}

    /** The kinds of {@code messages}, in the order each first appears. */
    public static List<Group> of(List<String> messages) {
        List<Builder> groups = new ArrayList<>();
        for (String message : messages) {
            Matcher about = TARGET.matcher(message);
            String target = null;
            String text = message;
            if (about.matches()) {
                target = about.group(1) + "/" + about.group(2);
                text = about.group(3).replace(about.group(1), "<account>").replace(about.group(2), "<region>");
            }
            String[] words = text.split(" ", -1);
            Builder home = groups.stream().filter(g -> g.accepts(words)).findFirst().orElse(null);
            if (home == null) {
                home = new Builder(words);
                groups.add(home);
            }
            home.add(words, target, message);
        }
        return groups.stream().map(Builder::build).toList();
    }

    private static final class Builder {
        private final String[] words;
        private final List<List<String>> values = new ArrayList<>();
        private final List<String> targets = new ArrayList<>();
        private final List<String> messages = new ArrayList<>();

        Builder(String[] words) {
            this.words = words;
            Arrays.stream(words).forEach(w -> values.add(new ArrayList<>()));
        }

        boolean accepts(String[] other) {
            if (other.length != words.length) {
                return false;
            }
            int varying = 0;
            for (int i = 0; i < words.length; i++) {
                if (!words[i].equals(other[i]) || values.get(i).stream().distinct().count() > 1) {
                    varying++;
                }
            }
            return varying <= MAX_VARYING && varying * WORDS_PER_VARYING <= words.length;
        }

        void add(String[] other, String target, String message) {
            for (int i = 0; i < other.length; i++) {
                values.get(i).add(other[i]);
            }
            if (target != null) {
                targets.add(target);
            }
            messages.add(message);
        }

        Group build() {
            if (messages.size() == 1) {
                return new Group(messages.get(0), List.copyOf(targets), List.copyOf(messages));
            }
            List<String> shown = new ArrayList<>();
            for (List<String> position : values) {
                shown.add(position.stream().distinct().count() == 1 ? position.get(0) : varying(position));
            }
            return new Group(String.join(" ", shown), List.copyOf(targets), List.copyOf(messages));
        }

        /** The values' common start and end around "…". */
        private static String varying(List<String> position) {
            String first = position.get(0);
            int start = first.length();
            int end = first.length();
            for (String value : position) {
                start = Math.min(start, commonPrefix(first, value));
                end = Math.min(end, commonSuffix(first, value));
            }
            int shortest = position.stream().mapToInt(String::length).min().orElse(0);
            end = Math.min(end, shortest - start);
            return first.substring(0, start) + "…" + first.substring(first.length() - Math.max(0, end));
        }

        private static int commonPrefix(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }

        private static int commonSuffix(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
                i++;
            }
            return i;
        }
    }
}
