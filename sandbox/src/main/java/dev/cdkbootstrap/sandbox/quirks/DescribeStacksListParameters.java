package dev.cdkbootstrap.sandbox.quirks;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * moto quirk: CloudFormation DescribeStacks renders a list parameter (CommaDelimitedList) as Python's
 * list text, {@code ['111111111111', '222222222222']}; AWS returns {@code 111111111111,222222222222}.
 * The up-to-date check compares these values, so the answer is rewritten to AWS's form.
 */
public final class DescribeStacksListParameters implements ResponseFix {
    private static final Pattern LIST_VALUE = Pattern.compile("<ParameterValue>\\[(.*?)]</ParameterValue>", Pattern.DOTALL);

    @Override
    public Reply apply(Exchange request, Reply response) {
        if (response.status() != 200 || !"DescribeStacks".equals(request.formParameters().get("Action"))) {
            return response;
        }
        String body = response.bodyText();
        Matcher matcher = LIST_VALUE.matcher(body);
        if (!matcher.find()) {
            return response;
        }
        return response.withBody(LIST_VALUE.matcher(body).replaceAll(m -> Matcher.quoteReplacement(
                "<ParameterValue>" + joined(m.group(1)) + "</ParameterValue>")));
    }

    static String joined(String pythonList) {
        String unescaped = pythonList.replace("&#39;", "'").replace("&apos;", "'").replace("&quot;", "\"");
        if (unescaped.isBlank()) {
            return "";
        }
        return Arrays.stream(unescaped.split(","))
                .map(String::strip)
                .map(v -> v.length() >= 2 && (v.startsWith("'") || v.startsWith("\"")) ? v.substring(1, v.length() - 1) : v)
                .collect(Collectors.joining(","));
    }
}
