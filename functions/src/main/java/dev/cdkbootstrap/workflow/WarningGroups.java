package dev.cdkbootstrap.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repeated messages grouped, so that 60 targets with the same warning read as one line with a count
 * (the console of the sandbox and of {@code bootstrapctl run --wait | status}, report.md, the report
 * notification). A message {@code "<account>/<region>: <text>"} is about that target, and in its text the
 * account and the region read {@code <account>} and {@code <region>}. Two messages are the same kind when,
 * word by word, they differ in at most {@value #MAX_VARYING} runs of words (a run may be of any length, so a
 * list of one place and a list of two are alike) and those runs are at most one in {@value #WORDS_PER_VARYING}
 * of the kind's parts (its shared words and its runs). A kind's {@link Group#message()} is its one message as
 * it is, or, for several, the shared words with each run that differs shown as {@value #VARIES}, keeping only
 * the punctuation its messages share around it (e.g. {@code line 3,} and {@code line 12,} read
 * {@code line <varies>,}); a parenthesis that differs as a whole is left out (e.g. {@code given (set1/dev);}
 * and {@code given (pipeline, set2/dev);} read {@code given;}): {@link Group#messages()} has each one whole.
 * A kind of fewer than {@value #MIN_GROUP} messages is not grouped: each is its own kind, as it is. When the
 * messages of a kind start with a position that differs ({@code FILE:LINE[:COL][ (PATH)]: }), the grouped line
 * leaves the position out (each message has it). An account or region the kind's targets all share reads as
 * itself, not as {@code <account>} or {@code <region>}.
 * Order: by first appearance, of the kinds and of the messages in each.
 */
public final class WarningGroups {
    static final int MAX_VARYING = 2;
    static final int WORDS_PER_VARYING = 5;
    /**
     * The fewest messages grouped: two alike messages read better whole (positions and names kept) than as one
     * line with {@value #VARIES} in it, which saves a line only from the third on.
     */
    static final int MIN_GROUP = 3;
    /** How a run of words that differs between the messages of a kind reads. */
    public static final String VARIES = "<varies>";
    private static final Pattern TARGET = Pattern.compile("^(\\d{12})/([a-z0-9-]+): (.+)$", Pattern.DOTALL);
    /** A leading position, e.g. {@code cdk-app.yml:3:5 (set1/dev): } or {@code s3://b/cdk-app.yml:12: }. */
    private static final Pattern POSITION = Pattern.compile("^\\S+:\\d+(?::\\d+)?(?: \\([^()]*\\))?: ");
    private static final Pattern WHOLE_PARENTHESIS = Pattern.compile("\\([^()]*\\)\\p{Punct}*");

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
            String who = targets.isEmpty()
                    ? messages.stream().allMatch(m -> POSITION.matcher(m).lookingAt()) ? count() + " places, " : ""
                    : targets.size() == count() ? count() + " targets, " : targets.size() + " targets and others, ";
            return label + " (x" + count() + "): " + message + " — " + who + where;
        }
    }

    private WarningGroups() {}

    /** The kinds of {@code messages}, in the order each first appears. */
    public static List<Group> of(List<String> messages) {
        List<Builder> groups = new ArrayList<>();
        List<Builder> homes = new ArrayList<>(); // each message's kind
        for (String message : messages) {
            Matcher about = TARGET.matcher(message);
            String target = null;
            String text = message;
            if (about.matches()) {
                target = about.group(1) + "/" + about.group(2);
                text = about.group(3).replace(about.group(1), "<account>").replace(about.group(2), "<region>");
            }
            List<String> words = List.of(text.split(" ", -1));
            Builder home = groups.stream().filter(g -> g.accepts(words)).findFirst().orElse(null);
            if (home == null) {
                home = new Builder(words, homes.size());
                groups.add(home);
            }
            home.add(words, target, message);
            homes.add(home);
        }
        List<Group> kinds = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Builder home = homes.get(i);
            if (home.messages.size() < MIN_GROUP) { // too few to group: as it is, where it is
                String target = home.about.get(home.messages.indexOf(messages.get(i)));
                kinds.add(new Group(messages.get(i), target == null ? List.of() : List.of(target), List.of(messages.get(i))));
            } else if (home.first == i) {
                kinds.add(home.build());
            }
        }
        return List.copyOf(kinds);
    }

    /** A kind being gathered: its pattern (shared words, {@code null} for a run that differs) and its messages. */
    private static final class Builder {
        private final int first; // the index of its first message in the input: where the kind is listed
        private List<String> pattern;
        private final List<List<String>> words = new ArrayList<>();
        private final List<String> targets = new ArrayList<>();
        private final List<String> about = new ArrayList<>(); // each message's target, null when about none
        private final List<String> messages = new ArrayList<>();

        Builder(List<String> words, int first) {
            this.pattern = words;
            this.first = first;
        }

        boolean accepts(List<String> other) {
            List<String> merged = WordAlignment.merge(pattern, other);
            long varying = merged.stream().filter(w -> w == null).count();
            long shared = merged.size() - varying; // and most of each message is shared: not just a common start
            return varying <= MAX_VARYING && varying * WORDS_PER_VARYING <= merged.size()
                    && 2 * shared >= other.size() && 2 * shared >= pattern.size();
        }

        void add(List<String> other, String target, String message) {
            pattern = WordAlignment.merge(pattern, other);
            words.add(other);
            if (target != null) {
                targets.add(target);
            }
            about.add(target);
            messages.add(message);
        }

        /** The kind's group, of {@value #MIN_GROUP} or more messages (fewer are never grouped). */
        Group build() {
            List<String> pattern = this.pattern;
            List<List<String>> words = this.words;
            if (pattern.getFirst() == null && words.stream().allMatch(w -> POSITION.matcher(String.join(" ", w)).lookingAt())) {
                // the position differs: left out of the grouped line rather than shown as a broken "/<varies>):"
                words = words.stream().map(w -> List.of(POSITION.matcher(String.join(" ", w)).replaceFirst("").split(" ", -1))).toList();
                pattern = words.getFirst();
                for (List<String> other : words) {
                    pattern = WordAlignment.merge(pattern, other);
                }
            }
            List<List<String>> runs = new ArrayList<>(); // per run that differs: what each message has there
            pattern.stream().filter(w -> w == null).forEach(w -> runs.add(new ArrayList<>()));
            for (List<String> message : words) {
                List<String> values = WordAlignment.runs(pattern, message);
                for (int i = 0; i < values.size(); i++) {
                    runs.get(i).add(values.get(i));
                }
            }
            StringBuilder text = new StringBuilder();
            int run = 0;
            for (String word : pattern) {
                if (word != null) {
                    text.append(text.isEmpty() ? "" : " ").append(word);
                    continue;
                }
                List<String> values = runs.get(run++);
                boolean parenthesis = values.stream().allMatch(v -> WHOLE_PARENTHESIS.matcher(v).matches());
                String after = commonEnd(values);
                after = after.substring(after.lastIndexOf(')') + 1);
                if (parenthesis && !text.isEmpty()) {
                    text.append(after); // left out: the punctuation after it follows the word before
                } else {
                    text.append(text.isEmpty() ? "" : " ").append(parenthesis ? "(" + VARIES + ")" + after : shown(values));
                }
            }
            String message = text.toString();
            if (targets.size() == messages.size()) { // a value every target shares is worth reading
                message = shared(message, "<account>", t -> t.substring(0, t.indexOf('/')));
                message = shared(message, "<region>", t -> t.substring(t.indexOf('/') + 1));
            }
            return new Group(message, List.copyOf(targets), List.copyOf(messages));
        }

        private String shared(String message, String placeholder, UnaryOperator<String> part) {
            List<String> values = targets.stream().map(part).distinct().toList();
            return values.size() == 1 ? message.replace(placeholder, values.getFirst()) : message;
        }

        /**
         * A run that differs: {@value #VARIES} between what all its values start and end with, cut at a separator
         * (e.g. {@code file.yml:<varies>:32:}), or, when a value has several words, only their shared punctuation.
         */
        private static String shown(List<String> values) {
            String start = values.getFirst();
            for (String value : values) {
                start = start.substring(0, common(start, value));
            }
            String end = commonEnd(values);
            if (values.stream().anyMatch(v -> v.contains(" "))) { // several words (a list): only punctuation around it
                start = start.replaceAll("[\\p{Alnum}].*$", "");
                end = end.replaceAll("^.*[\\p{Alnum}]", "");
            } else { // one word: never half a word, the run starts and ends at a separator
                start = start.replaceAll("[\\p{Alnum}_]+$", "");
                end = end.replaceAll("^[\\p{Alnum}_]+", "");
            }
            int shortest = values.stream().mapToInt(String::length).min().orElse(0);
            return start.length() + end.length() > shortest ? VARIES : start + VARIES + end;
        }

        private static String commonEnd(List<String> values) {
            String end = new StringBuilder(values.getFirst()).reverse().toString();
            for (String value : values) {
                end = end.substring(0, common(end, new StringBuilder(value).reverse().toString()));
            }
            return new StringBuilder(end).reverse().toString();
        }

        private static int common(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }
    }
}
