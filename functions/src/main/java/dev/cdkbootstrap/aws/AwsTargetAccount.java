package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.config.Regions;
import dev.cdkbootstrap.workflow.error.TargetAccessDenied;
import dev.cdkbootstrap.workflow.port.OrganizationMembership;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector.TargetSession;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A target account reached with assumed-role credentials. Its clients are built on first use from
 * those credentials (never shared across targets) and closed with it; a denied call becomes
 * {@link TargetAccessDenied}.
 */
final class AwsTargetAccount implements TargetAccount {
    private final AwsClients clients;
    private final TargetSession session;
    private final AwsCredentialsProvider credentials;
    private final List<SdkClient> opened = new ArrayList<>();
    private IamClient iam;
    private CloudFormationClient cloudFormation;
    private SsmClient ssm;
    private S3Client s3;
    private OrganizationsClient organizations;

    AwsTargetAccount(AwsClients clients, TargetSession session, AwsCredentialsProvider credentials) {
        this.clients = clients;
        this.session = session;
        this.credentials = credentials;
    }

    @Override
    public RegionStatus regionStatus(String region) {
        // Ask from the orchestrator's region when in the same partition: a disabled region cannot answer.
        Region from = Regions.partition(clients.region().id()).equals(session.partition())
                ? clients.region() : Region.of(region);
        String optIn = denied(() -> clients.ec2Regions().optInStatus(from, credentials)).get(region);
        if (optIn == null) {
            return RegionStatus.UNKNOWN;
        }
        return "not-opted-in".equals(optIn) ? RegionStatus.NOT_ENABLED : RegionStatus.ENABLED;
    }

    @Override
    public PolicyStore policies() {
        if (iam == null) {
            // IAM is global per partition: the SDK's IAM endpoint rules send every region of a partition to
            // that partition's one endpoint and signing region (IamEndpointsTest), so the target's region does.
            iam = open(clients.configure(IamClient.builder(), Region.of(session.region()), credentials).build());
        }
        return new IamPolicyStore(iam, this::denied);
    }

    @Override
    public ToolkitInspector toolkit() {
        if (cloudFormation == null) {
            Region region = Region.of(session.region());
            cloudFormation = open(clients.configure(CloudFormationClient.builder(), region, credentials).build());
            ssm = open(clients.configure(SsmClient.builder(), region, credentials).build());
            s3 = open(clients.configure(S3Client.builder().forcePathStyle(clients.endpointOverridden()), region,
                    credentials).build());
        }
        return new AwsToolkitInspector(cloudFormation, ssm, s3, this::denied);
    }

    @Override
    public OrganizationMembership membership() {
        if (organizations == null) {
            organizations = open(clients.configure(OrganizationsClient.builder(), Region.of(session.region()),
                    credentials).build());
        }
        return new AwsOrganizationMembership(session::account, organizations, this::denied);
    }

    /** Runs a call in the target; AccessDenied there (e.g. a role still propagating) is retryable. */
    <T> T denied(Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (AwsErrors.denied(e)) {
                throw new TargetAccessDenied("denied in account " + session.account() + " (" + session.region()
                        + "): " + AwsErrors.message(e), e);
            }
            throw e;
        }
    }

    private <C extends SdkClient> C open(C client) {
        opened.add(client);
        return client;
    }

    @Override
    public void close() {
        opened.forEach(SdkClient::close);
        opened.clear();
    }
}
