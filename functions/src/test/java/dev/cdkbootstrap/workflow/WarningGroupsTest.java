package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.WarningGroups.Group;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningGroupsTest {

    @Test
    void identicalMessagesAreOneGroupWithTheirCount() {
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            same.add("policy.json (line 1, column 1): a byte-order mark at the start; it is ignored");
        }

        List<Group> groups = WarningGroups.of(same);

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.count()).isEqualTo(55);
            assertThat(g.targets()).isEmpty();
            assertThat(g.line("warning", "each in report.md")).isEqualTo("warning (x55): policy.json (line 1, column 1):"
                    + " a byte-order mark at the start; it is ignored — each in report.md");
        });
    }

    @Test
    void messagesAboutTargetsThatDifferOnlyInWhatNamesTheTargetAreOneGroup() {
        List<String> perTarget = new ArrayList<>();
        for (String place : List.of("pipeline", "set1/dev", "set2/prod")) {
            String account = place.equals("pipeline") ? "111111111111" : place.equals("set1/dev") ? "222222222222" : "333333333333";
            perTarget.add(account + "/eu-west-1: no execution policy given (" + place + "); using AdministratorAccess. Add"
                    + " execution_policy_" + account + "_eu-west-1.json beside the config file");
        }

        Group group = WarningGroups.of(perTarget).getFirst();

        assertThat(WarningGroups.of(perTarget)).hasSize(1);
        assertThat(group.targets()).containsExactly("111111111111/eu-west-1", "222222222222/eu-west-1", "333333333333/eu-west-1");
        assertThat(group.messages()).isEqualTo(perTarget);
        assertThat(group.line("warning", "each in report.md")).isEqualTo("warning (x3): no execution policy given;"
                + " using AdministratorAccess. Add execution_policy_<account>_eu-west-1.json beside the config file"
                + " — 3 targets, each in report.md");
    }

    @Test
    void differentMessagesStayApartInTheOrderTheyFirstAppear() {
        List<Group> groups = WarningGroups.of(List.of(
                "111111111111/eu-west-1: no execution policy given (pipeline); using AdministratorAccess",
                "cdk-app.yml (line 3, column 13): eu-wset-9 is no region the SDK knows",
                "222222222222/eu-west-1: set1 gives no execution policy, so AdministratorAccess is added to the policies of dev",
                "333333333333/eu-west-1: no execution policy given (set1/dev); using AdministratorAccess"));

        assertThat(groups).extracting(Group::count).containsExactly(1, 1, 1, 1);
        assertThat(groups.get(1).line("warning", "x")).isEqualTo("warning: cdk-app.yml (line 3, column 13): eu-wset-9 is no"
                + " region the SDK knows");
    }

    @Test
    void aShortMessageIsNotGroupedWithOneThatDiffersInAFifthOfItsWords() {
        assertThat(WarningGroups.of(List.of("region eu-west-9 unknown", "region eu-west-8 unknown"))).hasSize(2);
        assertThat(WarningGroups.of(List.of("a b c d e f g h i j", "a b c X e f g Y i j", "a b c Z e f g W i j")))
                .singleElement().extracting(Group::message).isEqualTo("a b c <varies> e f g <varies> i j");
        assertThat(WarningGroups.of(List.of("a b c d e f g h i j", "a X c d e Y g Z i j"))).hasSize(2);
    }

    @Test
    void aTargetWhoseSourcesListHasTwoPlacesIsOfTheSameKindWhereverItComes() {
        for (int odd : List.of(0, 30, 59)) {
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String account = String.valueOf(100000000001L + i);
                String sources = i == odd ? "pipeline, team-00/dev" : "team-" + i / 3 + "/dev";
                warnings.add(account + "/eu-west-1: no execution policy given (" + sources + "); using"
                        + " arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or execution_policy_arn,"
                        + " or add execution_policy_" + account + "_eu-west-1.json beside the config file");
            }

            List<Group> groups = WarningGroups.of(warnings);

            assertThat(groups).as("odd one at %d", odd).singleElement().satisfies(g -> {
                assertThat(g.messages()).isEqualTo(warnings);
                assertThat(g.line("warning", "each in report.md")).isEqualTo("warning (x60): no execution policy given; using"
                        + " arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or execution_policy_arn,"
                        + " or add execution_policy_<account>_eu-west-1.json beside the config file — 60 targets, each in report.md");
            });
        }
    }

    @Test
    void theUnionWarningIsOneKindWhateverPlacesItNames() {
        List<String> warnings = List.of(
                "333333333333/eu-west-1: AdministratorAccess is added to the execution policies of pipeline: none is given in"
                        + " a/dev (a target gets the union of its places' policies); set execution_policy_arn there to avoid it",
                "111111111111/eu-west-1: AdministratorAccess is added to the execution policies of pipeline: none is given in"
                        + " a/dev (a target gets the union of its places' policies); set execution_policy_arn there to avoid it",
                "222222222222/eu-west-1: AdministratorAccess is added to the execution policies of b/dev, c/dev: none is given in"
                        + " a/prod, d/prod (a target gets the union of its places' policies); set execution_policy_arn there to avoid it");

        assertThat(WarningGroups.of(warnings)).singleElement().extracting(Group::message).isEqualTo("AdministratorAccess is"
                + " added to the execution policies of <varies>: none is given in <varies> (a target gets the union of its"
                + " places' policies); set execution_policy_arn there to avoid it");
    }

    @Test
    void aRunThatDiffersKeepsOnlyThePunctuationItsMessagesShareAroundIt() {
        assertThat(WarningGroups.of(List.of(
                "the file a.yml:4:32 has an error: policy file \"p.json\" is not valid JSON, fix it",
                "the file a.yml:17:32 has an error: policy file \"p.json\" is not valid JSON, fix it",
                "the file a.yml:9:32 has an error: policy file \"p.json\" is not valid JSON, fix it")))
                .singleElement().extracting(Group::message)
                .isEqualTo("the file a.yml:<varies>:32 has an error: policy file \"p.json\" is not valid JSON, fix it");
        assertThat(WarningGroups.of(List.of(
                "(set1/dev): a warning about a place that has many words in it",
                "(set3/dev): a warning about a place that has many words in it",
                "(pipeline, set2/dev): a warning about a place that has many words in it")))
                .singleElement().extracting(Group::message)
                .as("a parenthesis that starts the message is shown, not left out")
                .isEqualTo("(<varies>): a warning about a place that has many words in it");
    }

    @Test
    void messagesThatShareOnlyTheirStartAreNotOneKind() {
        assertThat(WarningGroups.of(List.of(
                "build FAILED in phase BUILD: access denied to the bucket",
                "build FAILED in phase BUILD: the toolkit stack CDKToolkit is in state UPDATE_ROLLBACK_FAILED and needs an operator")))
                .hasSize(2);
    }

    @Test
    void twoAlikeMessagesAreNotGroupedButPrintedAsTheyAre() {
        List<String> two = List.of("111111111111/eu-west-1: region eu-west-1 is slow today, try again later please",
                "222222222222/eu-west-2: region eu-west-2 is slow today, try again later please");

        assertThat(WarningGroups.of(two)).extracting(g -> g.line("warning", "x"))
                .containsExactly("warning: " + two.get(0), "warning: " + two.get(1));
    }

    @Test
    void aLeadingPositionThatDiffersIsLeftOutOfTheGroupedLineNotShownBroken() {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            warnings.add("/work/cfg/cdk-app.yml:" + (3 + i) + ":5 (set" + i + "/dev): aws_profile \"p" + i + "\" is ignored:"
                    + " the run uses its own role; remove the key");
        }

        List<Group> groups = WarningGroups.of(warnings);

        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.messages()).isEqualTo(warnings);
            assertThat(g.line("warning", "each in --format json")).isEqualTo("warning (x61): aws_profile \"<varies>\" is"
                    + " ignored: the run uses its own role; remove the key — 61 places, each in --format json");
        });
    }

    @Test
    void anAccountOrRegionEveryTargetOfTheKindSharesReadsAsItself() {
        List<String> failed = List.of("111111111111/eu-west-4: region eu-west-4 does not exist for account 111111111111",
                "222222222222/eu-west-4: region eu-west-4 does not exist for account 222222222222",
                "333333333333/eu-west-4: region eu-west-4 does not exist for account 333333333333");

        assertThat(WarningGroups.of(failed)).singleElement().extracting(Group::message)
                .isEqualTo("region eu-west-4 does not exist for account <account>");
    }

    @Test
    void noMessagesNoGroups() {
        assertThat(WarningGroups.of(List.of())).isEmpty();
    }
}
