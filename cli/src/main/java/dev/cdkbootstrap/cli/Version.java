package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.handler.PinnedCdkCli;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code bootstrapctl --version}: the project version (the build writes it into {@value #RESOURCE}, cli/pom.xml)
 * and the CDK CLI it pins ({@link PinnedCdkCli}: what every build installs and the bootstrap template
 * version targets are compared against).
 */
final class Version implements IVersionProvider {
    static final String RESOURCE = "dev/cdkbootstrap/cli/bootstrapctl.properties";

    @Override
    public String[] getVersion() {
        PinnedCdkCli cdk = PinnedCdkCli.packaged();
        return new String[] {"bootstrapctl " + project(),
                "CDK CLI aws-cdk " + cdk.cliVersion() + " (bootstrap template version " + cdk.templateVersion() + ")"};
    }

    /** The project version, or "unknown" when the class path has no built resource (never in a build). */
    static String project() {
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
