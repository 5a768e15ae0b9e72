package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.error.TargetAccessDenied;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Assumes {@code arn:<partition>:iam::<account>:role/<TARGET_ROLE_NAME>} (with the ExternalId)
 * once per target session; the target's clients use those credentials and are closed with it.
 */
public final class StsTargetConnector implements TargetConnector {
    private final AwsClients clients;
    private final String roleName;
    private final String externalId;

    public StsTargetConnector(AwsClients clients, String roleName, String externalId) {
        this.clients = clients;
        this.roleName = roleName;
        this.externalId = externalId == null || externalId.isBlank() ? null : externalId;
    }

    @Override
    public TargetAccount connect(TargetSession session) {
        String roleArn = "arn:" + session.partition() + ":iam::" + session.account() + ":role/" + roleName;
        Credentials credentials;
        try {
            credentials = clients.sts().assumeRole(AssumeRoleRequest.builder().roleArn(roleArn)
                    .roleSessionName(session.sessionName()).externalId(externalId).durationSeconds(900).build())
                    .credentials();
        } catch (AwsServiceException e) {
            if (AwsErrors.denied(e)) {
                throw new TargetAccessDenied("cannot assume " + roleArn + ": " + AwsErrors.message(e)
                        + " (a new account's role may not exist yet)", e);
            }
            throw e;
        }
        var provider = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
        return new AwsTargetAccount(clients, session, provider);
    }
}
