package dev.cdkbootstrap.sandbox.quirks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.QueryXml;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DescribeChangeSet half (no moto needed); the DeleteChangeSet half is in ChangeSetQuirksIT. */
class MissingChangeSetTest {
    private final MissingChangeSet fix = new MissingChangeSet(null, new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void motoValidationErrorForAMissingChangeSetBecomesChangeSetNotFound() {
        Reply moto = QueryXml.error(400, QueryXml.CLOUDFORMATION, "ValidationError", "Stack with id cs-1 does not exist");

        Reply fixed = fix.apply(describeChangeSet("cs-1"), moto);

        assertThat(fixed.status()).isEqualTo(404);
        assertThat(fixed.bodyText()).contains("<Code>ChangeSetNotFound</Code>").contains("ChangeSet [cs-1] does not exist");
    }

    @Test
    void otherValidationErrorsAndAnswersStayAsMotoSentThem() {
        Reply otherStack = QueryXml.error(400, QueryXml.CLOUDFORMATION, "ValidationError", "Stack with id Other does not exist");
        assertThat(fix.apply(describeChangeSet("cs-1"), otherStack)).isSameAs(otherStack);
        Reply found = Reply.of(200, "text/xml", "<DescribeChangeSetResponse/>");
        assertThat(fix.apply(describeChangeSet("cs-1"), found)).isSameAs(found);
    }

    private static Exchange describeChangeSet(String name) {
        return new Exchange("POST", URI.create("/"), Map.of("Content-Type", List.of("application/x-www-form-urlencoded"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/cloudformation/aws4_request, Signature=0")),
                ("Action=DescribeChangeSet&ChangeSetName=" + name + "&StackName=CDKToolkit").getBytes(StandardCharsets.UTF_8));
    }
}
