package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.deploy.TemplateParameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template parameters the sandbox deploys template.yaml with, in this order of precedence:
 * {@code --parameter KEY=VALUE} (explicit, always wins), {@code --max-concurrency}, then the
 * sandbox's own values: waits scaled down for local runs, {@code OrganizationId} of the organization
 * the sandbox emulates (docs/sandbox.md, "Organizations") and {@code ConfigPublisherArns} = the sandbox caller's ARN (the principal that uploads
 * the config here); every other parameter keeps its template Default. Values are checked as
 * CloudFormation checks them ({@link TemplateParameters}).
 */
final class SandboxParameters {
    private SandboxParameters() {}

    /**
     * The caller as the bucket policy sees it (aws:PrincipalArn): an assumed-role session's role ARN, a
     * user's IAM ARN. moto 5.2.1 answers GetCallerIdentity for its default keys with
     * {@code arn:aws:sts::<account>:user/moto}, where AWS says {@code arn:aws:iam::<account>:user/<name>}
     * for an IAM user: that quirk is rewritten here and printed.
     */
    static String principalArn(String callerArn, PrintStream out) {
        java.util.regex.Matcher session = java.util.regex.Pattern
                .compile("arn:([^:]+):sts::(\\d{12}):assumed-role/([^/]+)/.+").matcher(callerArn);
        if (session.matches()) {
            return "arn:" + session.group(1) + ":iam::" + session.group(2) + ":role/" + session.group(3);
        }
        java.util.regex.Matcher user = java.util.regex.Pattern.compile("arn:([^:]+):sts::(\\d{12}):user/(.+)").matcher(callerArn);
        if (user.matches()) {
            String iam = "arn:" + user.group(1) + ":iam::" + user.group(2) + ":user/" + user.group(3);
            out.println("sandbox: moto quirk: GetCallerIdentity says " + callerArn + " (an sts ARN for a user); the"
                    + " principal ARN is " + iam);
            return iam;
        }
        return callerArn;
    }

    /**
     * The usage error of the explicit {@code --parameter} values (an unknown name names every valid one;
     * a refused value names the constraint), before anything starts.
     */
    static void checkGiven(Path projectRoot, Map<String, String> given) {
        for (String name : List.of("CdkVersion", "CdkBootstrapTemplateVersion")) {
            if (given.containsKey(name)) {
                throw new IllegalArgumentException("--parameter " + name + ": the CDK CLI version is no template parameter:"
                        + " it is the aws-cdk pin in package.json (npm install --save-exact aws-cdk@VERSION), and the build"
                        + " derives the template version from that CLI (docs/deploy.md, \"Upgrading the CDK CLI\"); to see"
                        + " an upgrade here, use --upgrade-cdk-from VERSION:TEMPLATE_VERSION");
            }
        }
        TemplateParameters template = TemplateParameters.of(projectRoot.resolve("template.yaml"));
        List<String> problems = given.entrySet().stream()
                .flatMap(e -> template.problem(e.getKey(), e.getValue()).stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("--parameter: " + String.join("; ", problems));
        }
    }

    /**
     * Every value to deploy with, printed: the sandbox's own values, and each explicit value with what it
     * replaced. {@code callerArn} is the ARN the sandbox's clients act as (STS GetCallerIdentity).
     */
    static Map<String, String> resolve(Path projectRoot, SandboxOptions options, int pollSeconds, String callerArn,
                                       PrintStream out) {
        TemplateParameters template = TemplateParameters.of(projectRoot.resolve("template.yaml"));
        Map<String, String> own = new LinkedHashMap<>();
        own.put("BuildPollSeconds", Integer.toString(pollSeconds));
        // Every wait's bound derives from the deadline (docs/workflow.md); local builds take seconds.
        own.put("BuildDeadlineMinutes", "5");
        // A busy toolkit is waited for 2 minutes here, not the lease's 25: long enough for another local run.
        own.put("ToolkitBusyWaitMinutes", "2");
        options.maxConcurrency().ifPresent(n -> own.put("MapMaxConcurrency", Integer.toString(n)));
        // Required parameters (no Default): moto has no organization; the caller uploads the config.
        own.put("OrganizationId", SandboxOrganization.DEFAULT_ID);
        own.put("ConfigPublisherArns", callerArn);
        own.keySet().removeIf(name -> !template.names().contains(name));
        Map<String, String> values = new LinkedHashMap<>(own);
        options.parameters().forEach((name, value) -> {
            String replaced = own.containsKey(name) ? "the sandbox's " + own.get(name)
                    : template.defaultOf(name).map(d -> "the template Default " + (d.isEmpty() ? "\"\"" : d))
                            .orElse("no Default");
            out.println("sandbox: --parameter " + name + "=" + value + " (instead of " + replaced + ")");
            values.put(name, value);
        });
        // The scaled waits go below the template's minimums on purpose (docs/sandbox.md, "Adjustments");
        // every other value must be one CloudFormation would take.
        Map<String, String> checked = new LinkedHashMap<>(values);
        own.keySet().stream().filter(name -> !options.parameters().containsKey(name) && template.defaultOf(name).isPresent())
                .forEach(checked::remove);
        List<String> problems = template.problems(checked);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("template.yaml refuses the sandbox's parameters: " + String.join("; ", problems));
        }
        return values;
    }
}
