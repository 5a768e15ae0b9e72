package dev.cdkbootstrap.sandbox.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The presentation rule: the given status is answered until the stack is next changed. */
class StackPresentationsTest {
    private static final String PRESENTED = "arn:aws:cloudformation:eu-west-1:222222222222:stack/CDKToolkit/aaa";
    private static final String OTHER = "arn:aws:cloudformation:eu-west-1:333333333333:stack/CDKToolkit/bbb";
    private static final String TWO_STACKS = "<DescribeStacksResponse><DescribeStacksResult><Stacks>"
            + "<member><StackId>" + PRESENTED + "</StackId><StackName>CDKToolkit</StackName><Parameters><member>"
            + "<ParameterKey>Qualifier</ParameterKey></member></Parameters><StackStatus>CREATE_COMPLETE</StackStatus></member>"
            + "<member><StackId>" + OTHER + "</StackId><StackName>CDKToolkit</StackName><StackStatus>CREATE_COMPLETE</StackStatus>"
            + "<StackStatusReason>moto</StackStatusReason></member></Stacks></DescribeStacksResult></DescribeStacksResponse>";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final StackPresentations presentations = new StackPresentations(new PrintStream(log, true, StandardCharsets.UTF_8));

    @Test
    void describeStacksAnswersThePresentedStatusForThatStackOnly() {
        presentations.present(PRESENTED, "ROLLBACK_COMPLETE", "presented by the sandbox");

        String body = presentations.apply(call("DescribeStacks", "CDKToolkit"), Reply.of(200, "text/xml", TWO_STACKS)).bodyText();

        assertThat(body).contains(PRESENTED + "</StackId><StackName>CDKToolkit</StackName><Parameters><member>"
                        + "<ParameterKey>Qualifier</ParameterKey></member></Parameters><StackStatus>ROLLBACK_COMPLETE</StackStatus>"
                        + "<StackStatusReason>presented by the sandbox</StackStatusReason></member>")
                .contains(OTHER + "</StackId><StackName>CDKToolkit</StackName><StackStatus>CREATE_COMPLETE</StackStatus>"
                        + "<StackStatusReason>moto</StackStatusReason>");
    }

    @Test
    void listStacksIsPresentedToo() {
        presentations.present(PRESENTED, "DELETE_FAILED", "");
        String list = "<StackSummaries><member><StackId>" + PRESENTED + "</StackId><StackStatus>CREATE_COMPLETE</StackStatus>"
                + "</member></StackSummaries>";
        assertThat(presentations.apply(call("ListStacks", null), Reply.of(200, "text/xml", list)).bodyText())
                .contains("<StackStatus>DELETE_FAILED</StackStatus></member>");
    }

    @Test
    void readingDoesNotEndThePresentationAMutatingCallDoes() {
        presentations.present(PRESENTED, "ROLLBACK_COMPLETE", "r");
        for (String read : List.of("DescribeStacks", "GetTemplate", "DescribeStackEvents", "DeleteChangeSet")) {
            presentations.handle(call(read, PRESENTED), null);
        }
        assertThat(presentations.presented(PRESENTED)).contains("ROLLBACK_COMPLETE");

        assertThat(presentations.handle(call("DeleteStack", PRESENTED), null)).as("the call goes on to moto").isEmpty();

        assertThat(presentations.presented(PRESENTED)).isEmpty();
        assertThat(presentations.apply(call("DescribeStacks", "CDKToolkit"), Reply.of(200, "text/xml", TWO_STACKS)).bodyText())
                .as("moto's own status again").isEqualTo(TWO_STACKS);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("DeleteStack on stack " + PRESENTED
                + " ends the presented status ROLLBACK_COMPLETE");
    }

    @Test
    void everyMutatingCallEndsIt() {
        for (String mutating : StackPresentations.MUTATING) {
            presentations.present(PRESENTED, "UPDATE_ROLLBACK_FAILED", "r");
            presentations.handle(call(mutating, PRESENTED), null);
            assertThat(presentations.presented(PRESENTED)).as(mutating).isEmpty();
        }
    }

    @Test
    void otherServicesAndErrorAnswersAreLeftAlone() {
        presentations.present(PRESENTED, "ROLLBACK_COMPLETE", "r");
        Reply error = Reply.of(400, "text/xml", TWO_STACKS);
        assertThat(presentations.apply(call("DescribeStacks", "CDKToolkit"), error)).isSameAs(error);
        Exchange opsworks = new Exchange("POST", URI.create("/"), Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
                "Authorization", List.of(auth("opsworks"))), ("Action=DeleteStack&StackName=" + PRESENTED).getBytes(StandardCharsets.UTF_8));
        presentations.handle(opsworks, null);
        assertThat(presentations.presented(PRESENTED)).contains("ROLLBACK_COMPLETE");
    }

    /** A CloudFormation query call as the SDKs and the CDK CLI send it. */
    static Exchange call(String action, String stackName) {
        String body = "Action=" + action + "&Version=2010-05-15" + (stackName == null ? "" : "&StackName=" + stackName);
        return new Exchange("POST", URI.create("/"), Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
                "Authorization", List.of(auth("cloudformation"))), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0";
    }
}
