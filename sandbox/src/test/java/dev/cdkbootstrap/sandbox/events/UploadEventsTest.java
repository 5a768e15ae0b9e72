package dev.cdkbootstrap.sandbox.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadEventsTest {
    private static final String SIGNED_S3 = "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host, Signature=0";

    private static Exchange put(String host, String pathAndQuery) {
        return new Exchange("PUT", URI.create("http://" + host + pathAndQuery),
                Map.of("Host", List.of(host), "Authorization", List.of(SIGNED_S3)), new byte[0]);
    }

    @Test
    void theBucketAndKeyComeFromThePathOrFromAVirtualHost() {
        assertThat(UploadEvents.bucketAndKey(put("127.0.0.1:4566", "/bucket/dir/cdk-app.yml")))
                .hasValueSatisfying(l -> assertThat(l).containsExactly("bucket", "dir/cdk-app.yml"));
        assertThat(UploadEvents.bucketAndKey(put("bucket.localhost:4566", "/cdk%20app.yml")))
                .hasValueSatisfying(l -> assertThat(l).containsExactly("bucket", "cdk app.yml"));
        assertThat(UploadEvents.bucketAndKey(put("127.0.0.1:4566", "/bucket"))).isEmpty();
        assertThat(UploadEvents.bucketAndKey(put("127.0.0.1:4566", "/bucket/"))).isEmpty();
    }

    @Test
    void beforeServingNothingIsDeliveredAndTheUploadGoesOnToMoto() throws Exception {
        UploadEvents events = new UploadEvents();
        // no moto behind this forwarder: handling the upload itself would fail
        MotoForwarder nowhere = new MotoForwarder(URI.create("http://127.0.0.1:9"));

        assertThat(events.handle(put("127.0.0.1:4566", "/bucket/cdk-app.yml"), nowhere)).isEmpty();
    }

    @Test
    void whileServingOnlyObjectsWrittenIntoTheConfigBucketAreItsBusiness() throws Exception {
        UploadEvents events = new UploadEvents();
        events.deliverFor(new Deployment("us-east-1", "config", "cdk-app.yml", "arn:machine", "runs/", List.of(), List.of(), null),
                "111111111111", null, new PrintStream(new ByteArrayOutputStream()));
        MotoForwarder nowhere = new MotoForwarder(URI.create("http://127.0.0.1:9"));

        assertThat(events.handle(put("127.0.0.1:4566", "/other-bucket/cdk-app.yml"), nowhere)).isEmpty();
        assertThat(events.handle(put("127.0.0.1:4566", "/config/cdk-app.yml?partNumber=1&uploadId=u"), nowhere)).isEmpty();
        assertThat(events.handle(put("127.0.0.1:4566", "/config/cdk-app.yml?acl"), nowhere)).isEmpty();
        assertThat(events.handle(new Exchange("GET", URI.create("http://127.0.0.1:4566/config/cdk-app.yml"),
                Map.of("Authorization", List.of(SIGNED_S3)), new byte[0]), nowhere)).isEmpty();
    }
}
