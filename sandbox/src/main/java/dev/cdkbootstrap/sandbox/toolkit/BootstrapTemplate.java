package dev.cdkbootstrap.sandbox.toolkit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bootstrap template of the pinned CDK CLI ({@code node_modules/aws-cdk/lib/api/bootstrap/bootstrap-template.yaml}),
 * read once, and the bodies the sandbox deploys from it (JSON, key order kept, so the CLI's "template
 * unchanged" comparison holds for a stack deployed from {@link #full} at the pinned version and variant):
 * <ul>
 *   <li>{@link #full}: the whole template with its version (the {@code CdkBootstrapVersion} SSM
 *       parameter's value and the {@code BootstrapVersion} output) and its {@code BootstrapVariant}
 *       default changed; used for {@code --given} stacks.</li>
 *   <li>{@link #minimal}: the same Parameters, Conditions, Outputs (same keys and values) and SSM
 *       parameter, without the bucket, repository, roles and policies; used by simulated builds because
 *       moto creates it about 15 times faster (docs/sandbox.md, "Simulated builds").</li>
 * </ul>
 * Throws {@link IllegalStateException} when the template does not have the shape read here (a new
 * pinned CLI version must be looked at).
 */
public final class BootstrapTemplate {
    /** Where the pinned CLI keeps its template, relative to the project root. */
    public static final String LOCATION = "node_modules/aws-cdk/lib/api/bootstrap/bootstrap-template.yaml";
    /** The SSM parameter the template writes, per qualifier. */
    public static final String VERSION_PARAMETER = "/cdk-bootstrap/%s/version";

    private final ObjectNode template;
    private final int version;
    private final String defaultVariant;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    BootstrapTemplate(ObjectNode template) {
        this.template = template;
        String ssmValue = template.at("/Resources/CdkBootstrapVersion/Properties/Value").asText("");
        String outputValue = template.at("/Outputs/BootstrapVersion/Value").asText("");
        if (!ssmValue.matches("\\d+") || !ssmValue.equals(outputValue)) {
            throw new IllegalStateException("the pinned bootstrap template's version is not where the sandbox reads it "
                    + "(CdkBootstrapVersion.Value " + ssmValue + ", output BootstrapVersion " + outputValue + ")");
        }
        this.version = Integer.parseInt(ssmValue);
        this.defaultVariant = template.at("/Parameters/BootstrapVariant/Default").asText("");
        if (defaultVariant.isEmpty()) {
            throw new IllegalStateException("the pinned bootstrap template has no BootstrapVariant default");
        }
    }

    /** Reads the pinned template under {@code projectRoot}. */
    public static BootstrapTemplate pinned(Path projectRoot) {
        Path file = projectRoot.resolve(LOCATION);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the pinned CDK CLI's bootstrap template is missing: " + file + " (run npm ci)");
        }
        return new BootstrapTemplate(Json.tolerant().valueToTree(CloudFormationYaml.load(file)));
    }

    /** The version the pinned CLI deploys (33 for aws-cdk 2.1148.1). */
    public int version() {
        return version;
    }

    /** The template's BootstrapVariant default ({@code AWS CDK: Default Resources}). */
    public String defaultVariant() {
        return defaultVariant;
    }

    /** Every parameter with its default ({@code ""} when it has none), in template order. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        template.path("Parameters").properties().forEach(p -> defaults.put(p.getKey(), p.getValue().path("Default").asText("")));
        return defaults;
    }

    /** The whole template at {@code version} with {@code variant} as the BootstrapVariant default, as JSON. */
    public String full(int version, String variant) {
        return bodies.computeIfAbsent("full/" + version + "/" + variant, k -> write(withVersion(template.deepCopy(), version, variant)));
    }

    /**
     * Parameters, Conditions, the SSM version parameter, the KMS key (only created when the template's
     * CreateNewKey condition holds, as in the full one) and every Output with the value the full
     * template gives it: the bucket and repository names are the expressions the full template names
     * those resources with, the domain name is {@code <bucket>.s3.<region>.amazonaws.com}.
     */
    public String minimal(int version, String variant) {
        return bodies.computeIfAbsent("minimal/" + version + "/" + variant, k -> {
            ObjectNode reduced = withVersion(template.deepCopy(), version, variant);
            ObjectNode resources = (ObjectNode) reduced.path("Resources");
            JsonNode bucketName = resources.at("/StagingBucket/Properties/BucketName");
            JsonNode repositoryName = resources.at("/ContainerAssetsRepository/Properties/RepositoryName");
            if (bucketName.isMissingNode() || repositoryName.isMissingNode()) {
                throw new IllegalStateException("the pinned bootstrap template names its bucket or repository differently");
            }
            resources.retain(List.of("CdkBootstrapVersion", "FileAssetsBucketEncryptionKey", "FileAssetsBucketEncryptionKeyAlias"));
            ObjectNode outputs = (ObjectNode) reduced.path("Outputs");
            ((ObjectNode) outputs.path("BucketName")).set("Value", bucketName.deepCopy());
            ArrayNode parts = Json.tolerant().createArrayNode().add(bucketName.deepCopy()).add(".s3.");
            parts.addObject().put("Ref", "AWS::Region");
            parts.add(".amazonaws.com");
            ObjectNode join = Json.tolerant().createObjectNode();
            join.putArray("Fn::Join").add("").add(parts);
            ((ObjectNode) outputs.path("BucketDomainName")).set("Value", join);
            ((ObjectNode) outputs.path("ImageRepositoryName")).set("Value", repositoryName.deepCopy());
            return write(reduced);
        });
    }

    /**
     * What a stack whose first creation failed holds (its resources were rolled back): the template's
     * Description and Parameters (so DescribeStacks shows the parameters it was created with), one
     * resource moto ignores ({@code AWS::CloudFormation::WaitConditionHandle}), no Outputs.
     */
    public String failedCreation(String variant) {
        return bodies.computeIfAbsent("failed/" + variant, k -> {
            ObjectNode copy = withVersion(template.deepCopy(), version, variant);
            copy.retain(List.of("Description", "Parameters"));
            copy.putObject("Resources").putObject("RolledBack").put("Type", "AWS::CloudFormation::WaitConditionHandle");
            return write(copy);
        });
    }

    private static ObjectNode withVersion(ObjectNode copy, int version, String variant) {
        ((ObjectNode) copy.at("/Resources/CdkBootstrapVersion/Properties")).put("Value", Integer.toString(version));
        ((ObjectNode) copy.at("/Outputs/BootstrapVersion")).put("Value", Integer.toString(version));
        ((ObjectNode) copy.at("/Parameters/BootstrapVariant")).put("Default", variant);
        return copy;
    }

    private static String write(JsonNode node) {
        try {
            return Json.tolerant().writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
