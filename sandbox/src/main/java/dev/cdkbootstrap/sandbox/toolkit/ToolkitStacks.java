package dev.cdkbootstrap.sandbox.toolkit;

import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Puts toolkit stacks into target accounts of the emulator, through the front endpoint (so moto files
 * them under the target account and region, and the front's fixes and presentations apply), the way
 * CloudFormation would hold them:
 * <ul>
 *   <li>real in moto: CREATE_COMPLETE (CreateStack of the pinned template with its version/variant set),
 *       UPDATE_COMPLETE (then an UpdateStack), REVIEW_IN_PROGRESS (a CREATE change set never executed),
 *       DELETE_COMPLETE (created, then deleted);</li>
 *   <li>presented ({@link StackPresentations}) over a real stack: a failed first creation
 *       ({@link ToolkitState#failedCreation()}) over a stack holding none of the toolkit's resources
 *       ({@link BootstrapTemplate#failedCreation}), every other status over the whole toolkit.</li>
 * </ul>
 * Afterwards the SSM version parameter is overwritten or deleted when {@link ToolkitState#ssm} says so.
 * Also the create/update/delete calls of simulated builds.
 */
public final class ToolkitStacks {
    private static final List<Capability> CAPABILITIES = List.of(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM);

    private final BootstrapTemplate template;
    private final StackPresentations presentations;

    public ToolkitStacks(BootstrapTemplate template, StackPresentations presentations) {
        this.template = template;
        this.presentations = presentations;
    }

    public BootstrapTemplate template() {
        return template;
    }

    /** Builds {@code state} in its account and region; returns one line saying what is real and what presented. */
    public String put(EmulatorClients clients, ToolkitState state) {
        try (EmulatorClients target = clients.inAccount(state.account(), state.region());
             CloudFormationClient cfn = target.cloudFormation(); SsmClient ssm = target.ssm()) {
            int version = state.version(template);
            String variant = state.variant(template);
            Map<String, String> parameters = parameters(state);
            String what = state.target() + " " + state.stackName() + " (version " + version
                    + (variant.equals(template.defaultVariant()) ? "" : ", variant '" + variant + "'") + ", " + state.source() + "): ";
            String status = state.status();
            if (status.equals("REVIEW_IN_PROGRESS")) {
                cfn.createChangeSet(b -> b.stackName(state.stackName()).changeSetName("given-" + state.qualifier())
                        .changeSetType("CREATE").templateBody(template.full(version, variant))
                        .parameters(api(parameters)).capabilities(CAPABILITIES));
                what += "REVIEW_IN_PROGRESS, real (a CREATE change set that was never executed)";
            } else if (state.failedCreation()) {
                String stackId = create(cfn, state.stackName(), template.failedCreation(variant), parameters);
                presentations.present(stackId, status, "presented by the sandbox (--given " + state.source() + ")");
                what += status + ", presented until the stack is next changed, over a stack that holds none of the "
                        + "toolkit's resources (a failed creation rolls them back)";
            } else {
                String stackId = create(cfn, state.stackName(), template.full(version, variant), parameters);
                if (status.equals("UPDATE_COMPLETE")) {
                    cfn.updateStack(b -> b.stackName(stackId).usePreviousTemplate(true).capabilities(CAPABILITIES));
                } else if (status.equals("DELETE_COMPLETE")) {
                    cfn.deleteStack(b -> b.stackName(stackId));
                } else if (!state.realStatus()) {
                    presentations.present(stackId, status, "presented by the sandbox (--given " + state.source() + ")");
                }
                what += status + (state.realStatus() ? ", real" : ", presented until the stack is next changed, over the whole toolkit");
            }
            return what + "; SSM " + versionParameter(ssm, state, version);
        }
    }

    private String versionParameter(SsmClient ssm, ToolkitState state, int version) {
        String name = String.format(BootstrapTemplate.VERSION_PARAMETER, state.qualifier());
        OptionalInt wanted = state.ssm(template);
        boolean fromStack = !state.failedCreation() && !state.status().equals("REVIEW_IN_PROGRESS")
                && !state.status().equals("DELETE_COMPLETE");
        if (wanted.isEmpty()) {
            try {
                ssm.deleteParameter(b -> b.name(name));
            } catch (ParameterNotFoundException alreadyGone) {
                // nothing to delete: REVIEW_IN_PROGRESS, a failed creation or a deleted stack made none
            }
            return name + " missing";
        }
        if (!fromStack || wanted.getAsInt() != version) {
            ssm.putParameter(b -> b.name(name).type("String").value(Integer.toString(wanted.getAsInt())).overwrite(true));
            return name + " = " + wanted.getAsInt() + " (written after the stack, by hand)";
        }
        return name + " = " + version;
    }

    /** The parameters the CDK CLI passes when it creates a toolkit stack (Bootstrapper.modernBootstrap). */
    static Map<String, String> parameters(ToolkitState state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("TrustedAccounts", String.join(",", state.trust()));
        parameters.put("TrustedAccountsForLookup", String.join(",", state.trustForLookup()));
        parameters.put("CloudFormationExecutionPolicies", String.join(",", state.executionPolicies()));
        parameters.put("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY");
        parameters.put("PublicAccessBlockConfiguration", "true");
        parameters.put("Qualifier", state.qualifier());
        return parameters;
    }

    /** CreateStack; returns the stack id. */
    public String create(CloudFormationClient cfn, String stackName, String body, Map<String, String> parameters) {
        return create(cfn, stackName, body, parameters, null, false);
    }

    /** CreateStack with these stack tags (null: none) and termination protection; returns the stack id. */
    public String create(CloudFormationClient cfn, String stackName, String body, Map<String, String> parameters,
                         Map<String, String> tags, boolean terminationProtection) {
        return cfn.createStack(b -> b.stackName(stackName).templateBody(body).parameters(api(parameters))
                .capabilities(CAPABILITIES).tags(tags(tags)).enableTerminationProtection(terminationProtection)).stackId();
    }

    /** UpdateStack with every parameter value given. */
    public void update(CloudFormationClient cfn, String stack, String body, Map<String, String> parameters) {
        update(cfn, stack, body, parameters, null);
    }

    /**
     * UpdateStack with every parameter value given and these stack tags (null: kept). An update that changes
     * nothing (CloudFormation: "No updates are to be performed") is no error here: the CLI's change set
     * would have had no changes either (termination protection, for one, is changed by its own call).
     */
    public void update(CloudFormationClient cfn, String stack, String body, Map<String, String> parameters,
                       Map<String, String> tags) {
        try {
            cfn.updateStack(b -> b.stackName(stack).templateBody(body).parameters(api(parameters)).capabilities(CAPABILITIES)
                    .tags(tags(tags)));
        } catch (CloudFormationException e) {
            if (!String.valueOf(e.getMessage()).contains("No updates are to be performed")) {
                throw e;
            }
        }
    }

    /** Stack tags for the API; null when not given, so that an update keeps the stack's tags. */
    private static List<Tag> tags(Map<String, String> tags) {
        return tags == null ? null : tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** The stack as DescribeStacks shows it through the front endpoint (presented status included), if it exists. */
    public static Optional<Stack> describe(CloudFormationClient cfn, String stackName) {
        try {
            return cfn.describeStacks(b -> b.stackName(stackName)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static List<Parameter> api(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build()).toList();
    }
}
