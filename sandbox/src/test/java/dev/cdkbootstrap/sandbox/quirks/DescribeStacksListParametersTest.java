package dev.cdkbootstrap.sandbox.quirks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeStacksListParametersTest {
    private static final Exchange DESCRIBE_STACKS = new Exchange("POST", URI.create("/"),
            Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
            "Action=DescribeStacks&StackName=CDKToolkit".getBytes(StandardCharsets.UTF_8));

    @Test
    void aPythonListValueBecomesAwsCommaText() {
        Reply moto = Reply.of(200, "text/xml",
                "<ParameterValue>[&#39;111111111111&#39;, &#39;222222222222&#39;]</ParameterValue><ParameterValue>x</ParameterValue>");
        assertThat(new DescribeStacksListParameters().apply(DESCRIBE_STACKS, moto).bodyText())
                .isEqualTo("<ParameterValue>111111111111,222222222222</ParameterValue><ParameterValue>x</ParameterValue>");
    }

    @Test
    void anEmptyListBecomesAnEmptyValue() {
        Reply moto = Reply.of(200, "text/xml", "<ParameterValue>[]</ParameterValue>");
        assertThat(new DescribeStacksListParameters().apply(DESCRIBE_STACKS, moto).bodyText())
                .isEqualTo("<ParameterValue></ParameterValue>");
    }

    @Test
    void otherOperationsPassUnchanged() {
        Exchange other = new Exchange("POST", URI.create("/"), Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                "Action=GetTemplate".getBytes(StandardCharsets.UTF_8));
        Reply moto = Reply.of(200, "text/xml", "<ParameterValue>['a']</ParameterValue>");
        assertThat(new DescribeStacksListParameters().apply(other, moto).bodyText()).isEqualTo(moto.bodyText());
    }
}
