package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.error.TargetAccessDenied;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector.TargetSession;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

class Ec2RegionOptInTest {
    static final String REGIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
              <regionInfo>
                <item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint>
                  <optInStatus>opt-in-not-required</optInStatus></item>
                <item><regionName>ap-east-1</regionName><regionEndpoint>ec2.ap-east-1.amazonaws.com</regionEndpoint>
                  <optInStatus>not-opted-in</optInStatus></item>
                <item><regionName>me-south-1</regionName><regionEndpoint>ec2.me-south-1.amazonaws.com</regionEndpoint>
                  <optInStatus>opted-in</optInStatus></item>
              </regionInfo>
            </DescribeRegionsResponse>
            """;
    static final String DENIED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>req-1</RequestID></Response>
            """;
    static final StaticCredentialsProvider TARGET = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("ASIATARGET", "target-secret", "target-session-token"));

    private final ScriptedHttpClient http = new ScriptedHttpClient();

    private AwsClients clients(String region, URI endpoint) {
        return AwsClients.using(Region.of(region), endpoint, StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAORCH", "orch-secret", "orch-token")), http);
    }

    private TargetAccount account(AwsClients clients, String partition, String region) {
        return new AwsTargetAccount(clients, new TargetSession("111111111111", partition, region, "bootstrap-run"), TARGET);
    }

    @Test
    void readsEveryRegionsOptInStatusFromOneSignedQueryCall() {
        http.answer(200, REGIONS);
        var optIn = clients("eu-west-1", null).ec2Regions().optInStatus(Region.EU_WEST_1, TARGET);

        assertThat(optIn).containsEntry("eu-west-1", "opt-in-not-required").containsEntry("ap-east-1", "not-opted-in")
                .containsEntry("me-south-1", "opted-in").hasSize(3);
        var sent = http.sent().getFirst();
        assertThat(sent.body()).isEqualTo("Action=DescribeRegions&Version=2016-11-15&AllRegions=true");
        assertThat(sent.request().method().name()).isEqualTo("POST");
        assertThat(sent.request().getUri()).isEqualTo(URI.create("https://ec2.eu-west-1.amazonaws.com/"));
        assertThat(sent.request().firstMatchingHeader("Authorization")).get().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=ASIATARGET/").contains("/eu-west-1/ec2/aws4_request");
        assertThat(sent.request().firstMatchingHeader("X-Amz-Security-Token")).contains("target-session-token");
        assertThat(sent.request().firstMatchingHeader("Content-Type")).get().asString()
                .startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void theEndpointFollowsThePartitionOrTheConfiguredOverride() {
        Ec2RegionOptIn ec2 = clients("eu-west-1", null).ec2Regions();
        assertThat(ec2.endpoint(Region.of("cn-north-1"))).isEqualTo(URI.create("https://ec2.cn-north-1.amazonaws.com.cn/"));
        assertThat(ec2.endpoint(Region.of("us-gov-west-1"))).isEqualTo(URI.create("https://ec2.us-gov-west-1.amazonaws.com/"));
        assertThat(ec2.endpoint(Region.of("us-iso-east-1"))).isEqualTo(URI.create("https://ec2.us-iso-east-1.c2s.ic.gov/"));

        URI emulator = URI.create("http://127.0.0.1:5000");
        assertThat(clients("eu-west-1", emulator).ec2Regions().endpoint(Region.of("cn-north-1"))).isEqualTo(emulator);
    }

    @Test
    void aTargetIsAskedFromTheOrchestratorsRegionInTheSamePartitionElseFromItsOwn() {
        AwsClients clients = clients("eu-west-1", null);
        http.answer(200, REGIONS).answer(200, REGIONS.replace("ap-east-1", "cn-north-1"));

        assertThat(account(clients, "aws", "ap-east-1").regionStatus("ap-east-1")).isEqualTo(TargetAccount.RegionStatus.NOT_ENABLED);
        assertThat(account(clients, "aws-cn", "cn-north-1").regionStatus("cn-north-1"))
                .isEqualTo(TargetAccount.RegionStatus.NOT_ENABLED);

        assertThat(http.sent().get(0).request().getUri().getHost()).isEqualTo("ec2.eu-west-1.amazonaws.com");
        assertThat(http.sent().get(1).request().getUri().getHost()).isEqualTo("ec2.cn-north-1.amazonaws.com.cn");
        assertThat(http.sent().get(1).request().firstMatchingHeader("Authorization")).get().asString()
                .contains("/cn-north-1/ec2/aws4_request");
    }

    @Test
    void enabledOptedInAndAbsentRegionsMapToTheirStatus() {
        AwsClients clients = clients("eu-west-1", null);
        http.answer(200, REGIONS).answer(200, REGIONS).answer(200, REGIONS);
        TargetAccount account = account(clients, "aws", "eu-west-1");

        assertThat(account.regionStatus("eu-west-1")).isEqualTo(TargetAccount.RegionStatus.ENABLED);
        assertThat(account.regionStatus("me-south-1")).isEqualTo(TargetAccount.RegionStatus.ENABLED);
        assertThat(account.regionStatus("xx-nowhere-1")).isEqualTo(TargetAccount.RegionStatus.UNKNOWN);
    }

    @Test
    void anAuthorizationErrorIsTargetAccessDeniedWithEc2sCodeAndMessage() {
        http.answer(403, DENIED);
        TargetAccount account = account(clients("eu-west-1", null), "aws", "eu-west-1");

        assertThatThrownBy(() -> account.regionStatus("eu-west-1")).isInstanceOf(TargetAccessDenied.class)
                .hasMessageContaining("111111111111").hasMessageContaining("UnauthorizedOperation: You are not authorized")
                .cause().isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.requestId()).isEqualTo("req-1");
                    assertThat(e.awsErrorDetails().serviceName()).isEqualTo("Ec2");
                });
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void serverErrorsAndBrokenConnectionsAreRetriedUpToTheSdksThreeAttempts() {
        http.answer(503, "<Response><Errors><Error><Code>Unavailable</Code><Message>busy</Message></Error></Errors></Response>")
                .fail(new IOException("connection reset"))
                .answer(200, REGIONS);

        assertThat(clients("eu-west-1", null).ec2Regions().optInStatus(Region.EU_WEST_1, TARGET)).containsKey("eu-west-1");
        assertThat(http.sent()).hasSize(3);
    }

    @Test
    void throttlingIsRetriedAndAPersistentFailureEndsAfterThreeAttempts() {
        String throttled = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors></Response>";
        http.answer(400, throttled).answer(200, REGIONS);
        assertThat(clients("eu-west-1", null).ec2Regions().optInStatus(Region.EU_WEST_1, TARGET)).containsKey("ap-east-1");

        http.sent().clear();
        http.answer(500, "").answer(500, "").answer(500, "");
        assertThatThrownBy(() -> clients("eu-west-1", null).ec2Regions().optInStatus(Region.EU_WEST_1, TARGET))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(http.sent()).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetriedAndANonXmlAnswerIsReportedAsIs() {
        http.answer(400, "<html>bad gateway page</html>trailing");
        assertThatThrownBy(() -> clients("eu-west-1", null).ec2Regions().optInStatus(Region.EU_WEST_1, TARGET))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("HTTP 400");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("bad gateway page");
                });
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void anAnswerWithADoctypeOrExternalEntityIsRejected() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <DescribeRegionsResponse><regionInfo><item><regionName>&secret;</regionName>
                <optInStatus>opted-in</optInStatus></item></regionInfo></DescribeRegionsResponse>
                """;
        assertThatThrownBy(() -> Ec2RegionOptIn.regions(xxe.getBytes())).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("not XML");
    }
}
