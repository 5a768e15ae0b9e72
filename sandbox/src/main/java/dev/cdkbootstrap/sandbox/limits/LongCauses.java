package dev.cdkbootstrap.sandbox.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DescribeExecution's {@code cause} is at most {@link AwsLimits#CAUSE_CHARS} characters in AWS; moto
 * reports any length (e.g. a Fail state's CausePath to a long text). The answer keeps the first
 * 32,768 characters, as the sandbox assumes AWS does (docs/sandbox.md), and says so in sandbox.log.
 */
public final class LongCauses implements ResponseFix {
    private final LimitNotices notices;
    private final Set<String> noticed = ConcurrentHashMap.newKeySet();

    public LongCauses(LimitNotices notices) {
        this.notices = notices;
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        if (response.status() != 200 || !request.target().equals("AWSStepFunctions.DescribeExecution")
                || response.body().length <= AwsLimits.CAUSE_CHARS) {
            return response;
        }
        try {
            JsonNode answer = Json.tolerant().readTree(response.body());
            String cause = answer.path("cause").asText(null);
            if (cause == null || cause.length() <= AwsLimits.CAUSE_CHARS || !(answer instanceof ObjectNode describe)) {
                return response;
            }
            if (noticed.add(describe.path("executionArn").asText())) {
                notices.add("the cause of " + describe.path("name").asText() + " is " + AwsLimits.bytes(cause.length())
                        + " characters: reported cut to the first " + AwsLimits.bytes(AwsLimits.CAUSE_CHARS));
            }
            return response.withBody(describe.put("cause", AwsLimits.cutCause(cause)).toString());
        } catch (IOException e) {
            return response;
        }
    }
}
