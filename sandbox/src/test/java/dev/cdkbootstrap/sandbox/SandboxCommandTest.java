package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bootstrapctl sandbox}'s command line: help, FILE or --config, and what is refused before anything starts. */
class SandboxCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    /** SandboxCli.run with {@code args} and a work folder in the temporary folder (it must stay absent). */
    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--work-dir", dir.resolve("work").toString()));
        int code = SandboxCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(dir.resolve("work")).as("nothing started: no work folder, no moto").doesNotExist();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String example() {
        return SandboxCli.projectRoot().resolve("examples/single-set.yml").toString();
    }

    @Test
    void helpListsEveryOptionOnStdout() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: bootstrapctl sandbox [--config] FILE [OPTIONS]").contains("--config=FILE",
                "--policies-dir=DIR", "--given=FILE", "--without-role=ACCOUNT", "--failing-build=ACCOUNT/REGION",
                "--then-new-account=ACCOUNT", "--serve", "--work-dir=DIR");
        assertThat(help.out()).isEqualTo(SandboxOptions.USAGE);
    }

    @Test
    void theConfigIsPositionalOrGivenWithConfigButNotTwoDifferentOnes() {
        assertThat(SandboxOptions.parse(List.of("c.yml")).config()).isEqualTo(Path.of("c.yml"));
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml")).config()).isEqualTo(Path.of("c.yml"));
        assertThat(SandboxOptions.parse(List.of("--dry-run", "c.yml", "--config=c.yml")).config()).isEqualTo(Path.of("c.yml"));
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("a.yml", "--config", "b.yml")))
                .hasMessage("FILE a.yml and --config b.yml name two configs; give one");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("a.yml", "b.yml"))).hasMessage("unexpected argument \"b.yml\"");
    }

    @Test
    void aMistypedOptionIsAUsageErrorWithDidYouMean() {
        Result r = run(example(), "--dryrun");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("bootstrapctl sandbox: unknown option \"--dryrun\"; did you mean \"--dry-run\"?\n"
                + "Usage: bootstrapctl sandbox [--config] FILE [OPTIONS]\nSee 'bootstrapctl sandbox --help'.");
    }

    @Test
    void filesAndFoldersAreCheckedWithOneMessageEach() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertThat(run(folder.toString()).err()).startsWith("bootstrapctl sandbox: " + folder + ": is a directory, expected a file\n");
        Result given = run(example(), "--given", folder.toString());
        assertThat(given.code()).isEqualTo(2);
        assertThat(given.err()).startsWith("bootstrapctl sandbox: --given " + folder + ": is a directory, expected a file\n");
        assertThat(run(example(), "--given", dir.resolve("g.yml").toString()).err())
                .startsWith("bootstrapctl sandbox: --given " + dir.resolve("g.yml") + ": no such file\n");
        assertThat(run(example(), "--policies-dir", example()).err())
                .startsWith("bootstrapctl sandbox: --policies-dir " + example() + ": is a file, expected a directory\n");
    }

    @Test
    void optionsNamingAnAccountOrTargetTheConfigLacksAreRefusedUpFront() throws Exception {
        Result role = run("--config", example(), "--without-role", "111111111112");
        assertThat(role.code()).isEqualTo(2);
        assertThat(role.err()).startsWith("bootstrapctl sandbox: --without-role 111111111112 is not a target account of the"
                + " config " + example() + "; did you mean \"111111111111\"? (its target accounts: 111111111111, 222222222222,"
                + " 333333333333, 444444444444)\n");
        assertThat(run(example(), "--failing-build", "222222222222/eu-west-2").err()).startsWith("bootstrapctl sandbox:"
                + " --failing-build 222222222222/eu-west-2 is not a target of the config " + example()
                + "; did you mean \"222222222222/eu-west-1\"?");
        assertThat(run(example(), "--noop-build", "999999999999/us-east-1").err()).startsWith("bootstrapctl sandbox:"
                + " --noop-build 999999999999/us-east-1 is not a target of the config " + example() + " (its targets: ");
        assertThat(run(example(), "--then-new-account", "555555555555").err()).contains("--then-new-account 555555555555"
                + " is not a target account of the config");
        assertThat(run(example(), "--outside-organization", "999999999999").err()).startsWith("bootstrapctl sandbox:"
                + " --outside-organization 999999999999 is not an account of the config " + example() + " (its accounts: ");
        Path given = Files.writeString(dir.resolve("given.yml"), "toolkits:\n  - target: \"222222222222/us-west-2\"\n");
        assertThat(run(example(), "--given", given.toString()).err()).startsWith("bootstrapctl sandbox: --given " + given
                + ":2: 222222222222/us-west-2 is not a target of the config");
    }

    @Test
    void whatTheSessionWritesIsCheckedUpFront() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Result report = run(example(), "--report", folder.toString());
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).startsWith("bootstrapctl sandbox: --report " + folder + ": is a directory, expected a file\n");
        Path missing = dir.resolve("nonexist/x");
        assertThat(run(example(), "--report", missing.resolve("r.json").toString()).err()).startsWith("bootstrapctl sandbox:"
                + " --report " + missing.resolve("r.json") + ": no such directory " + missing + "\n");
        assertThat(dir.resolve("nonexist")).as("no folder created").doesNotExist();

        Path file = Files.writeString(dir.resolve("big.yml"), "");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SandboxCli.run(List.of(example(), "--work-dir", file.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("bootstrapctl sandbox: --work-dir " + file + ": is a file, expected a directory\n");
    }

    /** SandboxCli.run with {@code args} as given (their own --work-dir): the exit code and stderr's first line. */
    private static String refused(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SandboxCli.run(List.of(args), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void aReportNeverReplacesAnInputOrAFileThatIsNoReport() throws Exception {
        assertThat(run(example(), "--report", example()).err()).startsWith("bootstrapctl sandbox: --report " + example()
                + ": must end in .json (report.md is written beside it)\n");
        Path json = Files.copy(Path.of(example()), dir.resolve("c.json"));
        Result input = run(json.toString(), "--report", json.toString());
        assertThat(input.code()).isEqualTo(2);
        assertThat(input.err()).startsWith("bootstrapctl sandbox: --report " + json + ": is FILE, the config to run; choose another path\n");
        Path notes = Files.writeString(dir.resolve("notes.json"), "{\"a\": 1}");
        assertThat(run(example(), "--report", notes.toString()).err()).startsWith("bootstrapctl sandbox: --report " + notes
                + ": exists and is not a report.json; remove it or choose another path\n");
        assertThat(notes).hasContent("{\"a\": 1}");
        Path old = Files.writeString(dir.resolve("old.json"), "{\"runId\": \"r1\", \"targets\": []}");
        assertThat(run(example(), "--report", old.toString(), "--without-role", "111111111112").err())
                .as("an earlier report passes (the next check refuses)").contains("--without-role 111111111112 is not");
    }

    @Test
    void aWorkDirIsCreatedOnlyInAnExistingFolderAndEmptyValuesAreRefused() throws Exception {
        Path deep = dir.resolve("nonexist/deep");
        assertThat(refused(example(), "--work-dir", deep.toString()))
                .isEqualTo("2 bootstrapctl sandbox: --work-dir " + deep + ": no such directory " + dir.resolve("nonexist"));
        Path file = Files.writeString(dir.resolve("afile"), "");
        assertThat(refused(example(), "--work-dir", file.resolve("sub").toString()))
                .isEqualTo("2 bootstrapctl sandbox: --work-dir " + file.resolve("sub") + ": " + file + " is a file, expected a directory");
        assertThat(refused(example(), "--work-dir", "")).isEqualTo("2 bootstrapctl sandbox: --work-dir: empty value, expected a directory");
        assertThat(run("").err()).startsWith("bootstrapctl sandbox: FILE is empty\n");
        assertThat(run(example(), "--report", "").err()).startsWith("bootstrapctl sandbox: --report: empty value, expected a file\n");
        assertThat(run(example(), "--then-config", "").err()).startsWith("bootstrapctl sandbox: --then-config: empty value, expected a file\n");
        assertThat(run(example(), "--given", "").err()).startsWith("bootstrapctl sandbox: --given: empty value, expected a file\n");
        assertThat(run(example(), "--policies-dir", "").err())
                .startsWith("bootstrapctl sandbox: --policies-dir: empty value, expected a directory\n");
    }

    @Test
    void aRepeatedValueOfASetOptionCountsOnce() {
        SandboxOptions options = SandboxOptions.parse(List.of("c.yml", "--failing-build", "222222222222/eu-west-1",
                "--failing-build", "222222222222/eu-west-1", "--noop-build", "333333333333/eu-west-1", "--noop-build",
                "333333333333/eu-west-1", "--without-role", "444444444444", "--without-role", "444444444444",
                "--start-input", "{}", "--start-input", "{}"));
        assertThat(options.failingBuilds()).containsExactly("222222222222/eu-west-1");
        assertThat(options.noopBuilds()).containsExactly("333333333333/eu-west-1");
        assertThat(options.withoutRole()).containsExactly("444444444444");
        assertThat(options.startInputs()).as("each starts an execution").hasSize(2);
    }

    @Test
    void aBigConfigsTargetsAreListedUpToTenAndEveryUnknownGivenTargetAtOnce() throws Exception {
        StringBuilder sets = new StringBuilder(); // 20 sets of dev, preprod, prod: 60 targets and the pipeline's
        for (int account = 10; account < 70; account++) {
            sets.append(account % 3 == 1 ? "    - set_name: set" + account + "\n      stages:\n" : "")
                    .append("        - stage_name: ").append(List.of("dev", "preprod", "prod").get((account - 1) % 3))
                    .append("\n          account: \"2000000000").append(account).append("\"\n");
        }
        Path big = Files.writeString(dir.resolve("big.yml"), "cdk_app_config:\n  pipeline:\n    account: \"111111111111\"\n"
                + "    region: eu-west-1\n  deployments:\n" + sets);
        String err = run(big.toString(), "--failing-build", "200000000011/eu-west-2").err();
        assertThat(err.lines().findFirst().orElseThrow()).isEqualTo("bootstrapctl sandbox: --failing-build"
                + " 200000000011/eu-west-2 is not a target of the config " + big + "; did you mean \"200000000011/eu-west-1\"?"
                + " (its targets: 111111111111/eu-west-1, 200000000010/eu-west-1, 200000000011/eu-west-1, 200000000012/eu-west-1,"
                + " 200000000013/eu-west-1, 200000000014/eu-west-1, 200000000015/eu-west-1, 200000000016/eu-west-1,"
                + " 200000000017/eu-west-1, 200000000018/eu-west-1 and 51 more)");
        Path given = Files.writeString(dir.resolve("given.yml"), "toolkits:\n  - target: \"200000000011/eu-west-2\"\n"
                + "  - target: \"200000000012/eu-west-1\"\n  - target: \"999999999999/us-east-1\"\n");
        assertThat(run(big.toString(), "--given", given.toString()).err()).startsWith("bootstrapctl sandbox: --given " + given
                + ": 2 entries name no target of the config " + big + ": " + given + ":2: 200000000011/eu-west-2 (did you mean"
                + " \"200000000011/eu-west-1\"?), " + given + ":4: 999999999999/us-east-1 (its targets: 111111111111/eu-west-1, ");
    }
}
