package dev.cdkbootstrap.sandbox.deploy;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The target-account role, created from {@code target-account/role.yaml} the way its StackSet would:
 * the template's {@code AWS::IAM::Role} with its name and trust policy (with the ExternalId
 * condition) resolved for each account; its inline policies too (moto stores, never evaluates them).
 * When {@code ToolkitPermissionsBoundary} is set, the managed policy of that name is created in the
 * account first, as the operator's StackSet would deploy it beside the role (docs/deploy.md): a real
 * {@code cdk bootstrap} puts its ARN on every toolkit role.
 */
public final class TargetRoles {
    private final Map<String, Object> template;
    private final Map<String, String> parameters;

    @SuppressWarnings("unchecked")
    public TargetRoles(Path roleTemplate, Map<String, String> parameterValues) {
        this.template = CloudFormationYaml.load(roleTemplate);
        this.parameters = new LinkedHashMap<>();
        ((Map<String, Object>) template.getOrDefault("Parameters", Map.of())).forEach((name, definition) -> {
            Object fallback = ((Map<String, Object>) definition).get("Default");
            parameters.put(name, fallback == null ? "" : String.valueOf(fallback));
        });
        parameters.putAll(parameterValues);
    }

    /** A permissive boundary: what it allows is the operator's choice; the sandbox needs the policy to exist. */
    static final String BOUNDARY_DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SandboxBoundary\",\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    /** The role template's ToolkitPermissionsBoundary: the policy every toolkit role must have as its boundary. */
    public Optional<String> permissionsBoundary() {
        return Optional.ofNullable(parameters.get("ToolkitPermissionsBoundary")).filter(name -> !name.isEmpty());
    }

    /** Creates the role (and the boundary policy, when one is required and missing) in {@code account}; returns its name. */
    @SuppressWarnings("unchecked")
    public String createIn(EmulatorClients clients, String account) {
        permissionsBoundary().ifPresent(name -> createBoundary(clients, account, name));
        Map<String, String> values = new LinkedHashMap<>(parameters);
        values.putAll(Map.of("AWS::AccountId", account, "AWS::Partition", "aws", "AWS::Region", "us-east-1",
                "AWS::StackName", "StackSet-cdk-bootstrap-target-role"));
        Intrinsics intrinsics = new Intrinsics(values, (Map<String, Object>) template.get("Conditions"),
                ref -> { throw new IllegalArgumentException("role.yaml: unknown Ref " + ref); },
                (id, att) -> { throw new IllegalArgumentException("role.yaml: unknown GetAtt " + id + "." + att); });
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        for (Object resource : resources.values()) {
            Map<String, Object> definition = (Map<String, Object>) resource;
            if (!"AWS::IAM::Role".equals(definition.get("Type"))) {
                continue;
            }
            Map<String, Object> props = (Map<String, Object>) intrinsics.resolve(definition.get("Properties"));
            String roleName = String.valueOf(props.get("RoleName"));
            var iam = clients.inAccount(account, "us-east-1").iam();
            iam.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument(json(props.get("AssumeRolePolicyDocument")))
                    .description(String.valueOf(props.getOrDefault("Description", ""))));
            for (Object policy : (Iterable<Object>) props.getOrDefault("Policies", java.util.List.of())) {
                Map<String, Object> inline = (Map<String, Object>) policy;
                iam.putRolePolicy(b -> b.roleName(roleName).policyName(String.valueOf(inline.get("PolicyName")))
                        .policyDocument(json(inline.get("PolicyDocument"))));
            }
            return roleName;
        }
        throw new IllegalArgumentException("role.yaml declares no AWS::IAM::Role");
    }

    private static void createBoundary(EmulatorClients clients, String account, String name) {
        createBoundary(clients, account, name, "sandbox: the ToolkitPermissionsBoundary every toolkit role must have");
    }

    /** The managed policy {@code name} (allowing *) in {@code account}, unless it exists; true when it was created. */
    public static boolean createBoundary(EmulatorClients clients, String account, String name, String description) {
        var iam = clients.inAccount(account, "us-east-1").iam();
        try {
            iam.getPolicy(b -> b.policyArn("arn:aws:iam::" + account + ":policy/" + name));
            return false;
        } catch (NoSuchEntityException absent) {
            iam.createPolicy(b -> b.policyName(name).policyDocument(BOUNDARY_DOCUMENT).description(description));
            return true;
        }
    }

    private static String json(Object value) {
        try {
            return Json.tolerant().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
