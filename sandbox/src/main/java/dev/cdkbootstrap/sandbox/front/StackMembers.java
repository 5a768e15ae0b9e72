package dev.cdkbootstrap.sandbox.front;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites one member of chosen stacks in a CloudFormation Query answer that lists stacks
 * (DescribeStacks, ListStacks): for each {@code <StackId>}, the first match of {@code member} between it
 * and the next {@code <StackId>} is replaced by what {@code replacement} gives for that (unescaped) stack
 * id; a stack it gives nothing for, or without that member, stays as moto wrote it. Used by the sandbox's
 * adjustments that show a state moto cannot hold (termination protection, presented stack statuses).
 */
public final class StackMembers {
    private static final Pattern STACK_ID = Pattern.compile("<StackId>(.*?)</StackId>");

    private StackMembers() {}

    /** {@code response} with the members replaced, or {@code response} itself when nothing was. */
    public static Reply rewrite(Reply response, Pattern member, Function<String, Optional<String>> replacement) {
        String body = response.bodyText();
        Matcher ids = STACK_ID.matcher(body);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (ids.find()) {
            Optional<String> text = replacement.apply(QueryXml.unescape(ids.group(1)));
            if (text.isEmpty()) {
                continue;
            }
            int next = body.indexOf("<StackId>", ids.end());
            Matcher found = member.matcher(body).region(ids.end(), next < 0 ? body.length() : next);
            if (found.find()) {
                out.append(body, copied, found.start()).append(text.get());
                copied = found.end();
            }
        }
        return copied == 0 ? response : response.withBody(out.append(body.substring(copied)).toString());
    }
}
