package dev.cdkbootstrap.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The CDK CLI this Lambda package was built with: the {@code aws-cdk} version package.json pins, and
 * the version of that CLI's own bootstrap template. The build (functions/pom.xml, execution
 * {@code pinned-cdk-cli}) derives both from {@code node_modules/aws-cdk} and writes them into the
 * package as the resource {@value #RESOURCE}; so the version every build installs and the template
 * version every target is compared against cannot disagree, and changing the pin (then {@code sam build},
 * {@code sam deploy}) is the whole upgrade (docs/deploy.md, "Upgrading the CDK CLI").
 *
 * <p>The resource is a properties file: {@code cdk.cli.version} (e.g. {@code 2.1148.1}) and
 * {@code cdk.bootstrap.templateVersion} (a positive integer, e.g. {@code 33}).
 *
 * @param cliVersion      the pinned {@code aws-cdk} version: what every build installs ({@code CDK_VERSION})
 * @param templateVersion the {@code BootstrapVersion} of that CLI's bootstrap template: a toolkit below it
 *                        is {@code TOOLKIT_OUTDATED}, one above it {@code TOOLKIT_NEWER_THAN_PINNED}
 * @throws IllegalArgumentException when the version is no npm version or the template version is below 1
 */
public record PinnedCdkCli(String cliVersion, int templateVersion) {
    /** Where the build puts the values in the package (a class-path resource). */
    public static final String RESOURCE = "dev/cdkbootstrap/cdk-cli.properties";
    public static final String CLI_VERSION = "cdk.cli.version";
    public static final String TEMPLATE_VERSION = "cdk.bootstrap.templateVersion";
    /** An npm version, as {@code npm install aws-cdk@X} takes it: MAJOR.MINOR.PATCH, optionally -prerelease. */
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");

    public PinnedCdkCli {
        if (cliVersion == null || !VERSION.matcher(cliVersion).matches()) {
            throw new IllegalArgumentException("the CDK CLI version '" + cliVersion + "' is not an npm version"
                    + " (MAJOR.MINOR.PATCH, e.g. 2.1148.1)");
        }
        if (templateVersion < 1) {
            throw new IllegalArgumentException("the bootstrap template version " + templateVersion + " is below 1");
        }
    }

    /**
     * The values the build put into this package.
     *
     * @throws IllegalStateException when the resource is missing (a package not built by functions/pom.xml)
     *                               or malformed; the message names the resource and the fix
     */
    public static PinnedCdkCli packaged() {
        return packaged(PinnedCdkCli.class.getClassLoader());
    }

    /** As {@link #packaged()}, from {@code loader}'s class path. */
    static PinnedCdkCli packaged(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Lambda package has no " + RESOURCE + ": it was not built by"
                        + " functions/pom.xml, which derives it from the pinned CDK CLI (run `npm ci` in the repository"
                        + " root, then build again: sam build, or mvn package)");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the properties of {@code in}; {@code source} names it in errors.
     *
     * @throws IllegalStateException when a key is missing or a value malformed
     */
    static PinnedCdkCli read(InputStream in, String source) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String version = value(properties, CLI_VERSION, source);
        String template = value(properties, TEMPLATE_VERSION, source);
        int templateVersion;
        try {
            templateVersion = Integer.parseInt(template);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(source + ": " + TEMPLATE_VERSION + " is not a number: " + template);
        }
        try {
            return new PinnedCdkCli(version, templateVersion);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage());
        }
    }

    private static String value(Properties properties, String key, String source) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(source + " has no " + key + " (rebuild the package: functions/pom.xml"
                    + " writes it from node_modules/aws-cdk)");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "aws-cdk " + cliVersion + " (bootstrap template version " + templateVersion + ")";
    }
}
