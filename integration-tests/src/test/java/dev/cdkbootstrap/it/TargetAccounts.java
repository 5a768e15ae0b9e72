package dev.cdkbootstrap.it;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Arranges state inside a target account (as `cdk bootstrap` would leave it), with assumed credentials. */
final class TargetAccounts {
    /**
     * A stand-in for the CDK toolkit stack: the parameters and output PrepareTarget and VerifyTarget read
     * (names of the pinned bootstrap template) and the SSM version parameter.
     */
    private static final String TOOLKIT_TEMPLATE = """
            {"Parameters": {
               "TrustedAccounts": {"Type": "String", "Default": ""},
               "TrustedAccountsForLookup": {"Type": "String", "Default": ""},
               "CloudFormationExecutionPolicies": {"Type": "String", "Default": ""},
               "Qualifier": {"Type": "String", "Default": "hnb659fds"},
               "BootstrapVariant": {"Type": "String", "Default": "AWS CDK: Default Resources"},
               "Version": {"Type": "String"}},
             "Resources": {
               "CdkBootstrapVersion": {"Type": "AWS::SSM::Parameter",
                 "Properties": {"Name": "/cdk-bootstrap/hnb659fds/version", "Type": "String", "Value": {"Ref": "Version"}}}},
             "Outputs": {"BootstrapVersion": {"Value": {"Ref": "Version"}}}}
            """;

    private final Emulator emulator;
    private final TestClients clients;

    TargetAccounts(Emulator emulator) {
        this.emulator = emulator;
        this.clients = new TestClients(emulator);
    }

    StaticCredentialsProvider credentials(String account) {
        try (StsClient sts = clients.build(StsClient.builder())) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/cdk-bootstrap-target")
                    .roleSessionName("it-arrange")).credentials();
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }
    }

    void deployToolkit(String account, String trust, String policies, String version) {
        try (CloudFormationClient cfn = clients.build(CloudFormationClient.builder(), credentials(account))) {
            cfn.createStack(r -> r.stackName("CDKToolkit").templateBody(TOOLKIT_TEMPLATE).parameters(
                    Parameter.builder().parameterKey("TrustedAccounts").parameterValue(trust).build(),
                    Parameter.builder().parameterKey("CloudFormationExecutionPolicies").parameterValue(policies).build(),
                    Parameter.builder().parameterKey("Version").parameterValue(version).build()));
        }
    }
}
