package dev.cdkbootstrap.sandbox.deploy;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.template.CfnYaml;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target-account role, created from {@code target-account/role.yaml} the way its StackSet would:
 * the template's {@code AWS::IAM::Role} with its name and trust policy (with the ExternalId
 * condition) resolved for each account; its inline policies too (moto stores, never evaluates them).
 */
public final class TargetRoles {
    private final Map<String, Object> template;
    private final Map<String, String> parameters;

    @SuppressWarnings("unchecked")
    public TargetRoles(Path roleTemplate, Map<String, String> parameterValues) {
        this.template = CfnYaml.load(roleTemplate);
        this.parameters = new LinkedHashMap<>();
        ((Map<String, Object>) template.getOrDefault("Parameters", Map.of())).forEach((name, definition) -> {
            Object fallback = ((Map<String, Object>) definition).get("Default");
            parameters.put(name, fallback == null ? "" : String.valueOf(fallback));
        });
        parameters.putAll(parameterValues);
    }

    /** Creates the role in {@code account}; returns its name. */
    @SuppressWarnings("unchecked")
    public String createIn(EmulatorClients clients, String account) {
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

    private static String json(Object value) {
        try {
            return Json.tolerant().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
