package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda package as `sam build` makes it: every function is built by functions/Makefile
 * (Metadata BuildMethod: makefile), run here exactly as SAM runs it ({@code make build-<LogicalId>}
 * with ARTIFACTS_DIR, in source as samconfig.toml has it), zipped as SAM zips ARTIFACTS_DIR, and checked:
 * at most 20 MiB, no banned or unused library, every handler and every class a resource names by string
 * is inside, and the pinned CDK CLI's versions are (PinnedCdkCliContractTest).
 */
class LambdaPackageContractTest {
    static final long LIMIT = 20L * 1024 * 1024;
    /** Libraries that must not come back: the 26 MB EC2 module, the unused events types, other HTTP clients, CRT. */
    static final List<String> BANNED = List.of("ec2-", "aws-lambda-java-events-", "joda-convert-", "apache-client-",
            "apache5-client-", "netty-nio-client-", "aws-crt-", "httpclient-", "httpcore-", "netty-");

    private static final JsonNode TEMPLATE = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));
    private static final Map<String, Path> BUILT = new LinkedHashMap<>();
    private static Path zip;

    @BeforeAll
    static void buildEveryFunctionAsSamDoes(@TempDir Path samBuild) throws IOException {
        for (String function : functions().keySet()) {
            Path artifacts = Files.createDirectories(samBuild.resolve(function));
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("ARTIFACTS_DIR", artifacts.toString());
            var result = Processes.run(List.of("make", "build-" + function), ProjectFiles.path("functions"), env);
            assertThat(result.exitCode()).as("make build-" + function + ":\n" + result.output()).isZero();
            BUILT.put(function, artifacts);
        }
        zip = samBuild.resolve("package.zip");
        zipLikeSam(BUILT.values().iterator().next(), zip);
    }

    @Test
    void everyFunctionIsBuiltByTheMakefileFromTheSharedCodeUri() {
        assertThat(TEMPLATE.path("Globals").path("Function").path("CodeUri").asText()).isEqualTo("functions/");
        assertThat(ProjectFiles.path("functions/Makefile")).isRegularFile();
        functions().forEach((name, function) -> {
            assertThat(function.path("Metadata").path("BuildMethod").asText()).as(name + " Metadata.BuildMethod")
                    .isEqualTo("makefile");
            assertThat(function.path("Properties").has("CodeUri")).as(name + " overrides CodeUri").isFalse();
        });
    }

    @Test
    void everyFunctionGetsTheSamePackageTheBuildMade() throws IOException {
        List<String> expected = jarNames(ProjectFiles.path("functions/target/lambda/lib"));
        assertThat(expected).isNotEmpty();
        for (var built : BUILT.entrySet()) {
            assertThat(jarNames(built.getValue().resolve("lib"))).as(built.getKey()).isEqualTo(expected);
            try (Stream<Path> top = Files.list(built.getValue())) {
                assertThat(top.map(p -> p.getFileName().toString()).toList()).as(built.getKey()).containsExactly("lib");
            }
        }
    }

    @Test
    void thePackageIsAtMost20MiB() throws IOException {
        long size = Files.size(zip);
        System.out.printf("Lambda package: %d bytes (%.2f MiB), limit %d%n", size, size / 1048576.0, LIMIT);
        assertThat(size).as("zipped Lambda package, bytes").isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void noBannedLibraryAndNoJarWithoutClasses() throws IOException {
        for (Path jar : jars()) {
            String name = jar.getFileName().toString();
            assertThat(BANNED).as(name).noneMatch(name::startsWith);
            try (ZipFile file = new ZipFile(jar.toFile())) {
                assertThat(file.stream().filter(e -> e.getName().endsWith(".class")).count())
                        .as(name + " has no class left: leave it out (lambda.unused in functions/pom.xml)").isPositive();
                assertThat(file.stream().map(ZipEntry::getName))
                        .as(name).noneMatch(n -> n.startsWith("software/amazon/awssdk/services/ec2/"));
            }
        }
    }

    @Test
    void thePackageCarriesThePinnedCliOwnVersions() throws IOException {
        List<java.util.Properties> found = new ArrayList<>();
        for (Path jar : jars()) {
            try (ZipFile file = new ZipFile(jar.toFile())) {
                ZipEntry entry = file.getEntry(dev.cdkbootstrap.handler.PinnedCdkCli.RESOURCE);
                if (entry != null) {
                    java.util.Properties properties = new java.util.Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        properties.load(in);
                    }
                    found.add(properties);
                }
            }
        }
        InstalledCdkCli.Values cli = InstalledCdkCli.values();
        assertThat(found).as("jars with " + dev.cdkbootstrap.handler.PinnedCdkCli.RESOURCE).singleElement().satisfies(p -> {
            assertThat(p.getProperty("cdk.cli.version")).isEqualTo(cli.version());
            assertThat(p.getProperty("cdk.bootstrap.templateVersion")).isEqualTo(Integer.toString(cli.templateVersion()));
        });
    }

    @Test
    void everyHandlerAndEveryClassNamedByAResourceIsInThePackage() throws IOException {
        Set<String> classes = new HashSet<>();
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (Path jar : jars()) {
            try (ZipFile file = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : file.stream().toList()) {
                    String name = entry.getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                        classes.add(name.substring(0, name.length() - 6).replace('/', '.'));
                    } else if (name.startsWith("META-INF/services/") && !entry.isDirectory()
                            || name.endsWith("/execution.interceptors")) {
                        named.computeIfAbsent(jar.getFileName() + "!" + name, k -> new ArrayList<>())
                                .addAll(classNames(file, entry));
                    }
                }
            }
        }
        functions().forEach((name, function) -> {
            String handler = function.path("Properties").path("Handler").asText().replaceFirst("::.*$", "");
            assertThat(classes).as(name + " handler").contains(handler);
        });
        assertThat(named).isNotEmpty();
        // ServiceLoader files and the SDK's interceptor lists name classes by string: each must be there,
        // except services of the JDK's own (javax.annotation.processing is a compiler plug-in of log4j-core).
        named.forEach((resource, names) -> {
            if (!resource.endsWith("javax.annotation.processing.Processor")) {
                assertThat(classes).as(resource).containsAll(names);
            }
        });
    }

    private static List<String> classNames(ZipFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("#.*", "").strip())
                    .filter(l -> !l.isEmpty()).toList();
        }
    }

    private static List<Path> jars() throws IOException {
        try (Stream<Path> jars = Files.list(BUILT.values().iterator().next().resolve("lib"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static List<String> jarNames(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    /** What SAM uploads: ARTIFACTS_DIR zipped with paths relative to it. */
    private static void zipLikeSam(Path artifacts, Path target) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
                Stream<Path> files = Files.walk(artifacts)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(artifacts.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static Map<String, JsonNode> functions() {
        Map<String, JsonNode> functions = new LinkedHashMap<>();
        TEMPLATE.path("Resources").fields().forEachRemaining(e -> {
            if ("AWS::Serverless::Function".equals(e.getValue().path("Type").asText())) {
                functions.put(e.getKey(), e.getValue());
            }
        });
        return functions;
    }
}
