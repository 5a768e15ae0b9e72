package dev.cdkbootstrap.sandbox.codebuild;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Options;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated build's view of its environment, read as the buildspec reads it (docs/contracts.md,
 * "CodeBuild environment overrides"): the {@code cdk bootstrap} request, its command line for the log,
 * and the facts of a custom template ({@code TEMPLATE_S3_URI}) the CLI reads from it.
 */
final class BuildRequests {

    /** A custom template's {@code BootstrapVariant} default and version, as the CLI reads them. */
    record TemplateFacts(String variant, int version) {}

    private BuildRequests() {}

    static SimulatedBootstrap.Request request(Map<String, String> env) {
        String qualifier = env.getOrDefault("QUALIFIER", "");
        List<String> lookup = list(env.get("TRUST_FOR_LOOKUP"));
        Options options = new Options(lookup.isEmpty() ? Optional.empty() : Optional.of(lookup),
                "true".equals(env.get("EXAMPLE_PERMISSIONS_BOUNDARY")), "true".equals(env.get("PERMISSIONS_BOUNDARY_ALL_ROLES")),
                flag(env.get("TERMINATION_PROTECTION")), given(env.get("TAGS")).map(BuildRequests::tags),
                given(env.get("KMS_KEY")), flag(env.get("PUBLIC_ACCESS_BLOCK")), given(env.get("TEMPLATE_PATH")));
        return new SimulatedBootstrap.Request(
                list(env.get("TRUST")).isEmpty() ? Optional.empty() : Optional.of(list(env.get("TRUST"))),
                list(env.get("UNTRUST")), Optional.of(list(env.get("EXECUTION_POLICIES"))),
                qualifier.isEmpty() || qualifier.equals("hnb659fds") ? Optional.empty() : Optional.of(qualifier),
                given(env.get("PERMISSIONS_BOUNDARY")), options);
    }

    /**
     * The pinned template's version and variant, or those of the custom template at TEMPLATE_S3_URI (read with
     * the build's own credentials, as the buildspec's {@code aws s3 cp}); the simulation then deploys the pinned
     * template's minimal body at that version and variant.
     */
    static TemplateFacts template(EmulatorClients clients, BootstrapTemplate pinned, Map<String, String> env, PrintStream out) {
        String uri = env.getOrDefault("TEMPLATE_S3_URI", "");
        if (uri.isEmpty()) {
            return new TemplateFacts(pinned.defaultVariant(), pinned.version());
        }
        String[] location = uri.substring("s3://".length()).split("/", 2);
        String text = clients.s3().getObjectAsBytes(b -> b.bucket(location[0]).key(location[1])).asUtf8String();
        TemplateFacts facts = facts(text, uri, pinned.defaultVariant());
        out.println("[sandbox] custom template " + uri + ": variant '" + facts.variant() + "', version " + facts.version()
                + "; the simulation deploys the pinned template's minimal body with that variant and version");
        return facts;
    }

    /** The command the buildspec would run for this request (for the build log), in the buildspec's order. */
    static String commandLine(String target, SimulatedBootstrap.Request request, String stackName) {
        StringBuilder command = new StringBuilder("cdk bootstrap aws://" + target);
        Options options = request.options();
        request.trust().ifPresent(trust -> command.append(" --trust ").append(String.join(",", trust)));
        request.untrust().forEach(account -> command.append(" --untrust ").append(account));
        request.executionPolicies().ifPresent(p -> command.append(" --cloudformation-execution-policies ").append(String.join(",", p)));
        request.qualifier().ifPresent(q -> command.append(" --qualifier ").append(q));
        if (!stackName.equals("CDKToolkit")) {
            command.append(" --toolkit-stack-name ").append(stackName);
        }
        options.trustForLookup().ifPresent(l -> command.append(" --trust-for-lookup ").append(String.join(",", l)));
        request.permissionsBoundary().ifPresent(name -> command.append(" --custom-permissions-boundary ").append(name));
        if (options.exampleBoundary() && request.permissionsBoundary().isEmpty()) {
            command.append(" --example-permissions-boundary");
        }
        options.terminationProtection().ifPresent(p -> command.append(" --termination-protection ").append(p));
        options.tags().ifPresent(tags -> tags.forEach((k, v) -> command.append(" --tags '").append(k).append('=').append(v).append('\'')));
        options.kmsKey().ifPresent(key -> command.append(switch (key) {
            case "aws-managed" -> " --bootstrap-kms-key-id AWS_MANAGED_KEY";
            case "create" -> " --bootstrap-customer-key";
            default -> " --bootstrap-kms-key-id " + key;
        }));
        options.publicAccessBlock().ifPresent(p -> command.append(" --public-access-block-configuration ").append(p));
        options.template().ifPresent(path -> command.append(" --template ").append(path));
        if (options.boundaryAllRoles()) {
            command.append(" --apply-permissions-boundary-to-all-roles");
        }
        return command.toString();
    }

    /** {@code TAGS}: comma-separated {@code key=value} items, each percent-decoded (UTF-8) as the buildspec's printf does. */
    static Map<String, String> tags(String encoded) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String item : encoded.split(",")) {
            String tag = decode(item);
            int eq = tag.indexOf('=');
            tags.put(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? "" : tag.substring(eq + 1)); // the CLI splits at the first '='
        }
        return tags;
    }

    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * bootstrapVersionFromTemplate / bootstrapVariantFromTemplate of the CLI: the version from the
     * {@code BootstrapVersion} output or the {@code CdkBootstrapVersion} resource's value (0 when neither is a
     * number), the variant from the {@code BootstrapVariant} parameter's default (else the CDK default).
     */
    @SuppressWarnings("unchecked")
    static TemplateFacts facts(String text, String name, String defaultVariant) {
        Map<String, Object> template = CloudFormationYaml.parse(text, name);
        Object output = path(template, "Outputs", "BootstrapVersion", "Value");
        Object resource = path(template, "Resources", "CdkBootstrapVersion", "Properties", "Value");
        int version = 0;
        for (Object candidate : Arrays.asList(output, resource)) {
            if (candidate instanceof Number number) {
                version = number.intValue();
                break;
            }
            if (candidate instanceof String string && string.strip().matches("\\d+.*")) {
                version = Integer.parseInt(string.strip().replaceAll("^(\\d+).*", "$1"));
                break;
            }
        }
        Object variant = path(template, "Parameters", "BootstrapVariant", "Default");
        return new TemplateFacts(variant == null ? defaultVariant : String.valueOf(variant), version);
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    private static Optional<Boolean> flag(String value) {
        return given(value).map(Boolean::parseBoolean);
    }

    static List<String> list(String commaList) {
        return commaList == null || commaList.isBlank() ? List.of()
                : Arrays.stream(commaList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
