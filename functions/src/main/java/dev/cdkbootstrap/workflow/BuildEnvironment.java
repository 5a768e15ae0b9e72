package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.model.RunRef;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CodeBuild environment overrides of one bootstrap build (docs/contracts.md, "CodeBuild environment
 * overrides"): names, ids and values of the plan, never credentials. Every variable is always set; an empty
 * value means "not managed": the buildspec then passes no option for it, exactly as the plan's
 * {@code bootstrapCommand} leaves the flag out.
 */
public final class BuildEnvironment {
    /** Characters a tag travels with unchanged in {@code TAGS}; every other one is percent-encoded (UTF-8). */
    private static final String TAG_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _.:/+@-";

    private BuildEnvironment() {}

    /**
     * @param untrust             PrepareTarget's deployed-but-unwanted accounts ({@code --untrust}, one flag each)
     * @param requiredBoundary    the deployment's {@code TOOLKIT_PERMISSIONS_BOUNDARY} (null or empty: none); it
     *                            wins over the target's (a conflicting target never gets here: PrepareTarget refuses it)
     */
    public static Map<String, String> of(Target target, List<String> untrust, RunRef run, String targetRoleName,
            String cdkVersion, String requiredBoundary) {
        ToolkitSettings settings = target.settings();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TARGET_ACCOUNT", target.account());
        env.put("TARGET_REGION", target.region());
        env.put("TARGET_PARTITION", target.partition());
        env.put("TARGET_ROLE_NAME", targetRoleName);
        env.put("TRUST", String.join(",", target.trust()));
        env.put("UNTRUST", untrust == null ? "" : String.join(",", untrust));
        env.put("EXECUTION_POLICIES",
                String.join(",", target.executionPolicies().stream().map(ExecutionPolicy::arn).toList()));
        env.put("QUALIFIER", target.qualifier());
        env.put("TOOLKIT_STACK_NAME", target.toolkitStackName());
        env.put("CDK_VERSION", cdkVersion);
        env.put("TRUST_FOR_LOOKUP", String.join(",", settings.trustForLookup()));
        var boundary = ToolkitRequirements.boundaryFor(requiredBoundary, target);
        env.put("PERMISSIONS_BOUNDARY", boundary.filter(b -> !b.example()).map(ToolkitRequirements.Boundary::name).orElse(""));
        env.put("EXAMPLE_PERMISSIONS_BOUNDARY", boundary.filter(ToolkitRequirements.Boundary::example).isPresent() ? "true" : "");
        env.put("PERMISSIONS_BOUNDARY_ALL_ROLES", boundary.filter(ToolkitRequirements.Boundary::allRoles).isPresent() ? "true" : "");
        env.put("TERMINATION_PROTECTION", flag(settings.terminationProtection()));
        env.put("TAGS", settings.tags() == null ? "" : tags(settings.tags()));
        env.put("KMS_KEY", settings.kmsKey() == null ? "" : settings.kmsKey());
        env.put("PUBLIC_ACCESS_BLOCK", flag(settings.publicAccessBlock()));
        env.put("TEMPLATE_S3_URI", settings.template() == null ? ""
                : "s3://" + run.artifactBucket() + "/" + RunLayout.template(run.runFolder(), settings.template().sha256()));
        env.put("TEMPLATE_PATH", settings.template() == null ? "" : settings.template().path());
        return env;
    }

    /**
     * {@code TAGS}: {@code key=value} per tag, comma-separated, sorted by key, with every character but
     * {@code A-Z a-z 0-9}, space and {@code _ . : / + @ -} written as {@code %XX} (its UTF-8 bytes), so a
     * value's {@code ,}, {@code =} and {@code %} survive; the buildspec decodes each item with
     * {@code printf '%b'} (no eval) into the {@code --tags key=value} argument the plan has.
     */
    static String tags(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining(","));
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && TAG_SAFE.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String flag(Boolean value) {
        return value == null ? "" : value.toString();
    }
}
