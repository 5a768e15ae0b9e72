package dev.cdkbootstrap.sandbox.spike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import dev.cdkbootstrap.sandbox.front.FrontEndpoint;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import dev.cdkbootstrap.sandbox.quirks.StartExecutionRecreate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * De-risking spike: moto 5.2.1's ASL interpreter runs a DISTRIBUTED Map with an S3 ItemReader and
 * MaxConcurrencyPath, calls a Java handler in-process through the front endpoint, and applies
 * Retry/Catch on the handler's exception class name; with a Wait state on the way.
 */
class MotoInterpreterIT {
    private static final String REGION = "eu-west-1";
    private static MotoServer moto;
    private static FrontEndpoint front;
    private static EmulatorClients clients;
    private static final SpikeHandlers handlers = new SpikeHandlers();
    private static LocalLambdas lambdas;

    @BeforeAll
    static void start() throws Exception {
        int frontPort = MotoServer.freePort();
        moto = MotoServer.startWithCallbackPort(frontPort, Path.of("target/sandbox-it/moto-spike.log"));
        moto.enableStateMachineExecution();
        lambdas = new LocalLambdas(EmulatorClients.MOTO_DEFAULT_ACCOUNT, System.out).register("Work", handlers.work());
        front = FrontEndpoint.start(frontPort, new MotoForwarder(moto.endpoint()),
                List.of(lambdas, new StartExecutionRecreate(System.out)), List.of(), System.out);
        clients = new EmulatorClients(front.endpoint(), REGION);
    }

    @AfterAll
    static void stop() {
        if (front != null) front.close();
        if (moto != null) moto.close();
    }

    @Test
    void distributedMapRunsJavaHandlersWithRetryAndCatchOnTheExceptionClassName() throws Exception {
        var s3 = clients.s3();
        s3.createBucket(b -> b.bucket("spike").createBucketConfiguration(c -> c.locationConstraint(REGION)));
        s3.putObject(b -> b.bucket("spike").key("items.json"),
                RequestBody.fromString("[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4},{\"n\":5},{\"n\":6}]"));
        String definition = new String(getClass().getResourceAsStream("/spike/fan-out.asl.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("${WorkFunctionArn}", lambdas.arn("Work", REGION));
        SfnClient sfn = clients.sfn();
        String machine = sfn.createStateMachine(b -> b.name("spike").definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/spike")).stateMachineArn();

        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).name("first")
                .input("{\"bucket\":\"spike\",\"key\":\"items.json\",\"max\":2}")).executionArn();
        DescribeExecutionResponse done = await(sfn, execution);

        assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode results = Json.tolerant().readTree(done.output()).path("results");
        assertThat(results).hasSize(6);
        assertThat(results.get(2).path("ok").asBoolean()).as("item 3 succeeded after a retry").isTrue();
        assertThat(handlers.attempts.get(3).get()).isEqualTo(2);
        assertThat(results.get(4).path("caught").asText()).isEqualTo(SpikeHandlers.Broken.class.getName());
        assertThat(results.get(4).path("cause").asText()).contains("item 5 always fails");
        System.out.println("spike: max concurrent invocations observed = " + handlers.maxRunning.get());
    }

    @Test
    void afterARunANewExecutionNameStillStartsAndAnOldNameIsRejected() throws Exception {
        SfnClient sfn = clients.sfn();
        String machine = sfn.createStateMachine(b -> b.name("waits").roleArn("arn:aws:iam::123456789012:role/spike")
                .definition("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"End\":true}}}"))
                .stateMachineArn();
        String first = sfn.startExecution(b -> b.stateMachineArn(machine).name("one").input("{}")).executionArn();
        assertThat(await(sfn, first).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        String second = sfn.startExecution(b -> b.stateMachineArn(machine).name("two").input("{}")).executionArn();

        assertThat(await(sfn, second).status()).as("moto 5.2.1 answers 500 here without the workaround")
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.describeExecution(b -> b.executionArn(first)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("one").input("{}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    static DescribeExecutionResponse await(SfnClient sfn, String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        DescribeExecutionResponse response;
        do {
            Thread.sleep(250);
            response = sfn.describeExecution(b -> b.executionArn(executionArn));
        } while (response.status() == ExecutionStatus.RUNNING && Instant.now().isBefore(deadline));
        return response;
    }
}
