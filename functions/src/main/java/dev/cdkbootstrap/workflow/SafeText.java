package dev.cdkbootstrap.workflow;

import java.nio.charset.StandardCharsets;

/**
 * The one place where text from outside the product (execution input, cdk-app.yml, AWS error messages,
 * build output) is made safe to show in report.md and in notifications: such text must not be able to
 * start a line of its own (a fake "Approved by: ..."), close a table cell, or make a heading, a link or
 * HTML. Values are escaped where a document is rendered; report.json keeps them as they are (JSON
 * escapes every character that could break out of a string).
 */
public final class SafeText {
    private static final String MARKDOWN_SPECIAL = "\\`|<>[]";
    /** Characters that start a block (heading, quote, list, fence, setext underline) at a line's start. */
    private static final String BLOCK_STARTS = "#>-+*=~";
    private static final String URL_UNSAFE = " \"'<>()[]`|\\{}^";

    private SafeText() {}

    /**
     * One line of plain text (SNS messages and subjects, error messages): CR, LF and every other control,
     * format or line/paragraph separator character becomes a space. Null stays null.
     */
    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(breaksLines(c) ? ' ' : c));
        return out.toString();
    }

    /** {@link #plain(String)} cut to at most {@code maxChars} characters, ending in "..." when cut. */
    public static String plain(String text, int maxChars) {
        String line = plain(text);
        return line == null || line.length() <= maxChars ? line : line.substring(0, maxChars - 3) + "...";
    }

    /**
     * Inline Markdown (a table cell, a list item, text after a label): {@link #plain(String)}, then a
     * backslash before each of {@code \ ` | < > [ ]}, leading spaces dropped and a backslash before a
     * leading {@code # > - + * = ~} or the dot of a leading "1." (a heading, quote, list or fence when the
     * value starts a line). Null and empty become "-".
     */
    public static String markdown(String text) {
        String line = plain(text);
        if (line == null || line.isBlank()) {
            return "-";
        }
        line = line.stripLeading();
        StringBuilder out = new StringBuilder(line.length() + 8);
        int digits = 0;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean blockStart = i == 0 && BLOCK_STARTS.indexOf(c) >= 0;
            boolean orderedList = digits > 0 && i == digits && (c == '.' || c == ')');
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0 || blockStart || orderedList) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A link destination for Markdown: only {@code https://} URLs (anything else, e.g. {@code javascript:},
     * gives null: show no link), with every character that could end the destination or the table cell,
     * or break the line, percent-encoded.
     */
    public static String url(String url) {
        if (url == null || !url.startsWith("https://")) {
            return null;
        }
        StringBuilder out = new StringBuilder(url.length());
        url.codePoints().forEach(c -> {
            if (c > 0x20 && c < 0x7f && URL_UNSAFE.indexOf(c) < 0) {
                out.append((char) c);
            } else { // controls, space, non-ASCII: their UTF-8 bytes
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        });
        return out.toString();
    }

    private static boolean breaksLines(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
