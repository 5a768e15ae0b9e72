package dev.cdkbootstrap.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * EC2 {@code DescribeRegions(AllRegions=true)} as one SigV4-signed query-protocol call over the shared
 * HTTP client, so the Lambda package needs no EC2 SDK module (26 MB for this one call). Answers
 * {@code regionName -> optInStatus} ({@code opt-in-not-required}, {@code opted-in}, {@code not-opted-in}).
 *
 * <p>Endpoint: {@code AWS_ENDPOINT_URL} when set (emulator), else the SDK's EC2 endpoint metadata for
 * the region (its partition's DNS suffix, e.g. {@code ec2.cn-north-1.amazonaws.com.cn}). Transient
 * failures (throttling, 5xx, I/O) are retried by the SDK's AWS retry strategy; any other error
 * response is thrown as an {@link AwsServiceException} carrying EC2's error code, message and HTTP
 * status, so callers classify it exactly like an SDK client's error (e.g. {@code UnauthorizedOperation}).
 * API reference: EC2 Query API, DescribeRegions (version 2016-11-15).
 */
final class Ec2RegionOptIn {
    static final String BODY = "Action=DescribeRegions&Version=2016-11-15&AllRegions=true";
    private static final XMLInputFactory XML = secureFactory();

    private final SdkHttpClient http;
    private final URI endpointOverride;
    private final RetryStrategy retries;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    Ec2RegionOptIn(SdkHttpClient http, URI endpointOverride, RetryStrategy retries) {
        this.http = http;
        this.endpointOverride = endpointOverride;
        this.retries = retries;
    }

    /** Every region EC2 lists for the caller's account, asked in {@code from} with {@code credentials}. */
    Map<String, String> optInStatus(Region from, AwsCredentialsProvider credentials) {
        return optInStatus(from, credentials, Map.of());
    }

    /** As above, with extra (unsigned-by-meaning) headers, e.g. {@link PrimingHttpClient#HEADER}. */
    Map<String, String> optInStatus(Region from, AwsCredentialsProvider credentials, Map<String, String> headers) {
        AcquireInitialTokenResponse initial = retries.acquireInitialToken(AcquireInitialTokenRequest.create("ec2"));
        sleep(initial.delay());
        RetryToken token = initial.token();
        while (true) {
            try {
                Map<String, String> answer = call(from, credentials, headers);
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return answer;
            } catch (RuntimeException failure) {
                Duration delay;
                try {
                    var refreshed = retries.refreshRetryToken(
                            RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
                    token = refreshed.token();
                    delay = refreshed.delay();
                } catch (TokenAcquisitionFailedException noMoreRetries) {
                    throw failure;
                }
                sleep(delay);
            }
        }
    }

    /** The endpoint asked for a region: the override, or the SDK's EC2 endpoint for that region. */
    URI endpoint(Region from) {
        return endpointOverride != null ? endpointOverride
                : URI.create("https://" + ServiceMetadata.of("ec2").endpointFor(from) + "/");
    }

    private Map<String, String> call(Region from, AwsCredentialsProvider credentials, Map<String, String> headers) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        ContentStreamProvider payload = ContentStreamProvider.fromByteArrayUnsafe(body);
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint(from))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.length));
        headers.forEach(builder::putHeader);
        SdkHttpRequest unsigned = builder.build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(unsigned).payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                .putProperty(AwsV4HttpSigner.REGION_NAME, from.id()));
        HttpExecuteResponse response;
        byte[] answer;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(payload)).build()).call();
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElseGet(() -> new ByteArrayInputStream(new byte[0]))) {
                answer = in.readAllBytes();
            }
        } catch (IOException e) {
            // Retryable like the SDK's own I/O failures.
            throw SdkClientException.builder().message("EC2 DescribeRegions: " + e.getMessage()).cause(e).build();
        }
        if (!response.httpResponse().isSuccessful()) {
            throw error(response.httpResponse(), answer);
        }
        return regions(answer);
    }

    /** {@code regionName -> optInStatus} of each {@code regionInfo/item}. */
    static Map<String, String> regions(byte[] xml) {
        Map<String, String> regions = new HashMap<>();
        Map<String, String> item = new HashMap<>();
        read(xml, (element, text) -> item.put(element, text), element -> {
            if (element.equals("item") && item.containsKey("regionName")) {
                regions.put(item.get("regionName"), item.getOrDefault("optInStatus", ""));
            }
            if (element.equals("item")) {
                item.clear();
            }
        });
        return regions;
    }

    /** EC2's {@code Response/Errors/Error} as the SDK would report it. */
    static AwsServiceException error(SdkHttpResponse response, byte[] xml) {
        Map<String, String> fields = new HashMap<>();
        try {
            read(xml, fields::putIfAbsent, element -> { });
        } catch (SdkClientException notXml) {
            fields.put("Message", new String(xml, StandardCharsets.UTF_8));
        }
        String code = fields.getOrDefault("Code", "HTTP " + response.statusCode());
        String message = fields.getOrDefault("Message", "");
        return AwsServiceException.builder()
                .message(message + " (Service: Ec2, Status Code: " + response.statusCode() + ")")
                .statusCode(response.statusCode())
                .requestId(fields.getOrDefault("RequestID", fields.get("RequestId")))
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .serviceName("Ec2").sdkHttpResponse(response).build())
                .build();
    }

    /** Streams the leaf elements (local name, text) and element ends of a small XML document. */
    private static void read(byte[] xml, java.util.function.BiConsumer<String, String> leaf,
            java.util.function.Consumer<String> end) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> text.setLength(0);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        leaf.accept(reader.getLocalName(), text.toString().strip());
                        end.accept(reader.getLocalName());
                        text.setLength(0);
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            throw SdkClientException.builder().message("EC2 answered something that is not XML: " + e.getMessage())
                    .cause(e).build();
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // An answer is never allowed to pull in DTDs or external entities (XXE).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while retrying EC2"));
        }
    }
}
