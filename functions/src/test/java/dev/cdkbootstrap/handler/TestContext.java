package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The Lambda context a handler gets from the runtime, with plausible values. */
public final class TestContext implements Context {
    private final String function;

    public TestContext(String function) {
        this.function = function;
    }

    @Override public String getAwsRequestId() { return "3f1a7c3e-5d2b-4c1e-9a7f-0b1c2d3e4f50"; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + function; }
    @Override public String getLogStreamName() { return "2026/11/25/[$LATEST]0123456789abcdef"; }
    @Override public String getFunctionName() { return function; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:999999999999:function:" + function; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 60_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { System.out.print(message); }
            @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
        };
    }
}
