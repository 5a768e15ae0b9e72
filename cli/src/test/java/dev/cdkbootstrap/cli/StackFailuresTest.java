package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a deployed-stack command says when AWS cannot be called: one line each, never the SDK's text (each
 * command in its own JVM, with no AWS_* variable of this one and no credentials files).
 */
class StackFailuresTest {
    /** No profile files, no instance metadata: the default chain finds nothing, at once. */
    private static final Map<String, String> NO_CREDENTIALS = Map.of("AWS_REGION", "eu-west-1",
            "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", "AWS_CONFIG_FILE", "/nonexistent/config",
            "AWS_EC2_METADATA_DISABLED", "true");

    @Test
    void noCredentialsIsOneLineSayingWhatToSetAndExitsTwo() throws IOException, InterruptedException {
        for (String[] args : new String[][] {
                {"status", "--stack", "foo", "--endpoint-url", "http://127.0.0.1:9"},
                {"approve", "--stack", "foo", "run-1", "--endpoint-url", "http://127.0.0.1:9"}}) {
            Ctl.Result r = Ctl.process(NO_CREDENTIALS, args);
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("bootstrapctl " + args[0] + ": " + StackFailures.NO_CREDENTIALS + "\n");
        }
        Map<String, String> missingProfile = new java.util.HashMap<>(NO_CREDENTIALS);
        missingProfile.put("AWS_PROFILE", "nope");
        Ctl.Result r = Ctl.process(missingProfile, "report", "--stack", "foo", "run-1", "--endpoint-url", "http://127.0.0.1:9");
        assertThat(r.err()).isEqualTo("bootstrapctl report: " + StackFailures.NO_CREDENTIALS
                + "; AWS_PROFILE names \"nope\", which has none\n");
    }

    @Test
    void anEndpointThatDoesNotAnswerIsNamedWithWhereItWasSetAndWhy() throws IOException, InterruptedException {
        Map<String, String> dummyKeys = Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "x",
                "AWS_SECRET_ACCESS_KEY", "y", "AWS_EC2_METADATA_DISABLED", "true");
        Ctl.Result r = Ctl.process(dummyKeys, "status", "--stack", "foo", "--endpoint-url", "http://127.0.0.1:9");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("bootstrapctl status: cannot reach http://127.0.0.1:9 (--endpoint-url):"
                + " Connection refused\n");

        Map<String, String> fromEnvironment = new java.util.HashMap<>(dummyKeys);
        fromEnvironment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        r = Ctl.process(fromEnvironment, "report", "--stack", "foo", "run-1");
        assertThat(r.err()).isEqualTo("bootstrapctl report: cannot reach http://127.0.0.1:9 (AWS_ENDPOINT_URL):"
                + " Connection refused\n");
    }

    @Test
    void anUnknownHostOfTheRegionsEndpointIsNamedAsAwsOwn() {
        var unreachable = new EndpointNamingHttpClient.Unreachable("https://cloudformation.xx-nowhere-1.amazonaws.com",
                "AWS's endpoint in xx-nowhere-1; --endpoint-url sets another",
                new java.net.UnknownHostException("cloudformation.xx-nowhere-1.amazonaws.com"));
        var e = software.amazon.awssdk.core.exception.SdkClientException.builder()
                .message("Unable to execute HTTP request: cloudformation.xx-nowhere-1.amazonaws.com").cause(unreachable).build();
        assertThat(StackFailures.message(e)).isEqualTo("cannot reach https://cloudformation.xx-nowhere-1.amazonaws.com"
                + " (AWS's endpoint in xx-nowhere-1; --endpoint-url sets another): unknown host"
                + " cloudformation.xx-nowhere-1.amazonaws.com");
    }
}
