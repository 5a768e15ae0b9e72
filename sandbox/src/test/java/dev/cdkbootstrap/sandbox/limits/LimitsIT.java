package dev.cdkbootstrap.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Each limit trips against moto 5.2.1 with a tiny state machine and in-process handlers, through the
 * sandbox's front endpoint and its run watcher: the execution ends as AWS would end it (status, error,
 * cause) and the sandbox prints what tripped. The history quota is lowered to 120 events so that moto
 * (~15 ms per event) reaches it in seconds; HistoryLimitsTest covers 25,000.
 */
class LimitsIT {
    private static final String REGION = "eu-west-1";
    private static final int HISTORY_QUOTA = 120;
    private static final String INVOKE = "\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"OutputPath\":\"$.Payload\"";
    private static final LimitHandlers handlers = new LimitHandlers();
    private static LimitsEmulator emulator;
    private static EmulatorClients clients;
    private static EmulatorClients usEast1;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        emulator = LimitsEmulator.start(REGION, HISTORY_QUOTA, handlers);
        clients = emulator.clients();
        usEast1 = emulator.usEast1();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aTaskResultOver256KiBFailsTheExecutionAndItsCatchIsNotTaken() throws Exception {
        RunOutcome run = run(clients, "result", """
                {"StartAt":"Work","States":{
                 "Work":{%s,"Parameters":{"FunctionName":"%s","Payload":{"runId.$":"$$.Execution.Name","size":300000}},
                   "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Caught"}],"Next":"Done"},
                 "Caught":{"Type":"Pass","End":true},"Done":{"Type":"Succeed"}}}""".formatted(INVOKE, arn("Sized", REGION)), "{}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(run.cause()).contains("The state/task 'Work' returned a result with a size exceeding")
                .contains("300,011 bytes");
        List<HistoryEvent> history = history(clients.sfn(), run);
        assertThat(history).noneMatch(e -> e.stateEnteredEventDetails() != null && e.stateEnteredEventDetails().name().equals("Caught"));
        assertThat(history.get(history.size() - 1).executionFailedEventDetails().error()).isEqualTo("States.DataLimitExceeded");
        assertThat(printed()).contains("[limit] States.DataLimitExceeded at state 'Work'").contains("stopped");
    }

    @Test
    void aTaskInputOver256KiBIsRefusedBeforeTheFunctionRuns() throws Exception {
        int calls = handlers.sizedCalls.get();
        String half = "y".repeat(150_000);

        RunOutcome run = run(clients, "input", """
                {"StartAt":"Work","States":{"Work":{%s,"Parameters":{"FunctionName":"%s",
                 "Payload":{"runId.$":"$$.Execution.Name","a.$":"$.half","b.$":"$.half","size":1}},"End":true}}}"""
                .formatted(INVOKE, arn("Sized", REGION)), "{\"half\":\"" + half + "\"}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(run.cause()).contains("'Work' received an input").contains("300,0");
        assertThat(handlers.sizedCalls).as("the function never ran").hasValue(calls);
    }

    @Test
    void aLambdaReplyOver6MBIsLambdasOwnErrorAsStepFunctionsReportsIt() throws Exception {
        RunOutcome run = run(clients, "huge", """
                {"StartAt":"Work","States":{"Work":{%s,"Parameters":{"FunctionName":"%s",
                 "Payload":{"runId.$":"$$.Execution.Name","size":6300000}},"End":true}}}""".formatted(INVOKE, arn("Sized", REGION)), "{}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(run.cause()).contains("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
        assertThat(printed()).contains("6,300,011 bytes");
    }

    @Test
    void anErrorCauseOver32768CharactersIsCutAndTheErrorNameKept() throws Exception {
        RunOutcome run = run(clients, "cause", """
                {"StartAt":"Work","States":{
                 "Work":{%s,"Parameters":{"FunctionName":"%s","Payload":{"runId.$":"$$.Execution.Name","length":40000}},
                   "Catch":[{"ErrorEquals":["%s"],"ResultPath":"$.error","Next":"Failed"}],"End":true},
                 "Failed":{"Type":"Fail","ErrorPath":"$.error.Error","CausePath":"$.error.Cause"}}}"""
                .formatted(INVOKE, arn("Loud", REGION), LimitHandlers.Loud.class.getName()), "{}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).as("Catch still matched the class name").isEqualTo(LimitHandlers.Loud.class.getName());
        assertThat(run.cause().length()).isLessThanOrEqualTo(32_768).isGreaterThan(32_000);
        assertThat(run.cause()).startsWith("{\"errorMessage\":\"mmm").contains("characters of a cause]");
        assertThat(printed()).contains("shortened its message");
    }

    @Test
    void aPassStateWhoseOutputIsOver256KiBFailsTheExecution() throws Exception {
        String half = "z".repeat(150_000);

        RunOutcome run = run(clients, "pass", """
                {"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"a.$":"$.half","b.$":"$.half"},"Next":"Done"},
                 "Done":{"Type":"Succeed"}}}""", "{\"half\":\"" + half + "\"}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(run.cause()).isEqualTo("The state/task 'Double' returned a result with a size exceeding the maximum "
                + "number of bytes service limit.");
        assertThat(printed()).contains("moto's own size check failed state 'Double'");
    }

    @Test
    void aDistributedMapWhoseCollectedResultIsOver256KiBFailsTheExecution() throws Exception {
        RunOutcome run = run(clients, "map", """
                {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,
                 "ItemSelector":{"run":{"runId.$":"$$.Execution.Name"},"n.$":"$$.Map.Item.Value","size":100000},
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Item",
                   "States":{"Item":{%s,"Parameters":{"FunctionName":"%s","Payload.$":"$"},"End":true}}},
                 "ResultPath":null,"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":null,"Next":"After"}],"Next":"After"},
                 "After":{"Type":"Succeed"}}}""".formatted(INVOKE, arn("Sized", REGION)), "{\"items\":[1,2,3,4]}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(run.cause()).contains("'Fan'").contains("3 outputs so far make 300,037 bytes");
        assertThat(history(clients.sfn(), run)).noneMatch(e -> e.stateEnteredEventDetails() != null
                && e.stateEnteredEventDetails().name().equals("After"));
    }

    @Test
    void anExecutionRunningPastTheHistoryQuotaFailsWithStatesRuntimeAtThatEvent() throws Exception {
        RunOutcome run = run(clients, "loop", """
                {"StartAt":"Init","States":{"Init":{"Type":"Pass","Result":{"n":0},"Next":"Loop"},
                 "Loop":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Check"},
                 "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":100000,"Next":"Loop"}],"Default":"Done"},
                 "Done":{"Type":"Succeed"}}}""", "{}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("States.Runtime");
        assertThat(run.cause()).isEqualTo("The execution reached the maximum number of history events (" + HISTORY_QUOTA + ").");
        List<HistoryEvent> history = history(clients.sfn(), run);
        assertThat(history).hasSize(HISTORY_QUOTA);
        assertThat(history.get(HISTORY_QUOTA - 1).id()).isEqualTo(HISTORY_QUOTA);
        assertThat(history.get(HISTORY_QUOTA - 1).typeAsString()).isEqualTo("ExecutionFailed");
    }

    @Test
    void taskParametersOver256KiBInTheHistoryFailTheExecutionAfterTheFact() throws Exception {
        String half = "w".repeat(150_000);
        String topic = "arn:aws:sns:" + REGION + ":" + EmulatorClients.MOTO_DEFAULT_ACCOUNT + ":limits";

        RunOutcome run = run(clients, "notify", """
                {"StartAt":"Notify","States":{"Notify":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
                 "Parameters":{"TopicArn":"%s","Message.$":"States.Format('{}{}', $.half, $.half)"},"End":true}}}"""
                .formatted(topic), "{\"half\":\"" + half + "\"}");

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(run.cause()).contains("'Notify' has a task input (parameters)").contains("TaskScheduled");
    }

    @Test
    void twoExecutionsInFlightWithTheSameNameInTwoRegionsAreToldApart() throws Exception {
        String definition = """
                {"StartAt":"Work","States":{"Work":{%s,"Parameters":{"FunctionName":"%s",
                 "Payload":{"runId.$":"$$.Execution.Name","size.$":"$.size","sleepMs":1500}},"End":true}}}""";
        String big = create(clients.sfn(), "twin", definition.formatted(INVOKE, arn("Sized", REGION)));
        String small = create(usEast1.sfn(), "twin", definition.formatted(INVOKE, arn("Sized", "us-east-1")));
        String bigRun = clients.sfn().startExecution(b -> b.stateMachineArn(big).name("twin").input("{\"size\":300000}")).executionArn();
        String smallRun = usEast1.sfn().startExecution(b -> b.stateMachineArn(small).name("twin").input("{\"size\":10}")).executionArn();

        CompletableFuture<RunOutcome> smallOutcome = CompletableFuture.supplyAsync(() -> await(usEast1, smallRun));
        RunOutcome bigOutcome = await(clients, bigRun);

        assertThat(bigOutcome.status()).isEqualTo("FAILED");
        assertThat(bigOutcome.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(smallOutcome.get().status()).isEqualTo("SUCCEEDED");
    }

    private RunOutcome run(EmulatorClients in, String name, String definition, String input) {
        return emulator.run(in, name, definition, input, printed);
    }

    private static String create(SfnClient sfn, String name, String definition) {
        return LimitsEmulator.create(sfn, name, definition);
    }

    private RunOutcome await(EmulatorClients in, String executionArn) {
        return emulator.await(in, executionArn, printed);
    }

    private String printed() {
        return LimitsEmulator.printed(printed);
    }

    private static List<HistoryEvent> history(SfnClient sfn, RunOutcome run) {
        return sfn.getExecutionHistory(b -> b.executionArn(run.executionArn())).events();
    }

    private static String arn(String function, String region) {
        return emulator.lambdas().arn(function, region);
    }
}
