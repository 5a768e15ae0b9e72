import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step of the Lambda package (functions/pom.xml, execution {@code pinned-cdk-cli}, run as a
 * single-file program with Jackson on the class path; not part of the package). Writes the resource
 * {@code dev/cdkbootstrap/cdk-cli.properties} that {@code dev.cdkbootstrap.handler.PinnedCdkCli} reads,
 * from the CDK CLI {@code npm ci} installed for the project:
 * <ul>
 *   <li>{@code cdk.cli.version}: {@code node_modules/aws-cdk/package.json} "version", which must be the
 *       exact version the project's package.json pins (a range, or an install older than the pin, fails);</li>
 *   <li>{@code cdk.bootstrap.templateVersion}: the version of that CLI's bootstrap template
 *       ({@code lib/api/bootstrap/bootstrap-template.yaml}), read as the CLI reads it
 *       ({@code bootstrapVersionFromTemplate}, aws-cdk lib/index.js): the {@code BootstrapVersion} output's
 *       Value, else the {@code CdkBootstrapVersion} resource's Value; a number, or a string that starts
 *       with one (JavaScript parseInt).</li>
 * </ul>
 * Usage: {@code java PinnedCdkCliResource.java PROJECT_ROOT OUTPUT_FILE}. Exit 2 with a message naming
 * the fix when the CLI is not installed or not where or what this step expects. The file is written
 * without a timestamp and only when it changes (same pin, same package bytes).
 */
public final class PinnedCdkCliResource {
    private static final Pattern PARSE_INT = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final Pattern EXACT = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            fail("usage: java PinnedCdkCliResource.java PROJECT_ROOT OUTPUT_FILE");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path cli = root.resolve("node_modules/aws-cdk");
        Path template = cli.resolve("lib/api/bootstrap/bootstrap-template.yaml");
        if (!Files.isRegularFile(root.resolve("package.json")) || !Files.isRegularFile(cli.resolve("package.json"))
                || !Files.isRegularFile(template)) {
            fail("the pinned CDK CLI is not installed: " + cli + " (with lib/api/bootstrap/bootstrap-template.yaml)"
                    + " is missing. Run `npm ci` in the repository root (" + root + "): package.json pins aws-cdk, and"
                    + " its version and bootstrap template version go into the Lambda package. `sam build` must build"
                    + " in source (samconfig.toml: build_in_source = true) so that functions/ sees ../node_modules.");
        }
        ObjectMapper json = new ObjectMapper();
        String pinned = json.readTree(root.resolve("package.json").toFile()).at("/devDependencies/aws-cdk").asText("");
        if (!EXACT.matcher(pinned).matches()) {
            fail(root.resolve("package.json") + " must pin aws-cdk to one exact version in devDependencies (found '"
                    + pinned + "'): npm install --save-exact aws-cdk@VERSION");
        }
        String installed = json.readTree(cli.resolve("package.json").toFile()).path("version").asText("");
        if (!installed.equals(pinned)) {
            fail("package.json pins aws-cdk " + pinned + " but " + cli + " is " + installed
                    + ": run `npm install` (after changing the pin) or `npm ci` in " + root);
        }
        int templateVersion = templateVersion(new YAMLMapper().readTree(template.toFile()));
        if (templateVersion < 1) {
            fail(template + " has no bootstrap version where aws-cdk reads it (Outputs.BootstrapVersion.Value or"
                    + " Resources.CdkBootstrapVersion.Properties.Value); look at how this CLI version reads it");
        }
        String text = "# Derived at build time from " + cli.getFileName() + " " + installed + " (functions/src/build/"
                + "PinnedCdkCliResource.java); change the aws-cdk pin in package.json instead of editing this.\n"
                + "cdk.cli.version=" + installed + "\n"
                + "cdk.bootstrap.templateVersion=" + templateVersion + "\n";
        Path output = Path.of(args[1]);
        if (!Files.isRegularFile(output) || !Files.readString(output, StandardCharsets.UTF_8).equals(text)) {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        System.out.println("pinned CDK CLI: aws-cdk " + installed + ", bootstrap template version " + templateVersion);
    }

    /** bootstrapVersionFromTemplate: the first of the two places that holds a number; 0 when neither does. */
    static int templateVersion(JsonNode template) {
        for (JsonNode value : new JsonNode[] {template.at("/Outputs/BootstrapVersion/Value"),
                template.at("/Resources/CdkBootstrapVersion/Properties/Value")}) {
            if (value.isNumber()) {
                return value.intValue();
            }
            if (value.isTextual()) {
                Matcher number = PARSE_INT.matcher(value.asText());
                if (number.find()) {
                    return Integer.parseInt(number.group(1));
                }
            }
        }
        return 0;
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
