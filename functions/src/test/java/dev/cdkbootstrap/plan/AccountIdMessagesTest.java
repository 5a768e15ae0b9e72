package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An account id that is not 12 digits is told its digit count, in the right number, and "quoted" only where
 * quoting is the fix: a leading 0 a YAML tool would drop, or zeros it may already have dropped.
 */
class AccountIdMessagesTest {

    private static String pipelineAccount(String written) {
        return """
                cdk_app_config:
                  pipeline:
                    account: %s
                    region: eu-west-1
                """.formatted(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "12345678901   | account 12345678901 has 11 digits; an account id has exactly 12 (if it starts with 0, write"
                    + " it in full and quoted: \"012345678901\")",
            "1234567890123 | account 1234567890123 has 13 digits; an account id has exactly 12",
            "`\"12345678901\"` | account \"12345678901\" has 11 digits; an account id has exactly 12",
            "7             | account 7 has 1 digit; an account id has exactly 12 (if it starts with 0, write it in full"
                    + " and quoted: \"000000000007\")",
            "01234567890   | account 01234567890 has 11 digits; an account id has exactly 12",
            "012345678901  | account 012345678901 is an unquoted number starting with 0: YAML tools read it as a number"
                    + " and drop the 0 (or read it as octal); quote it (\"012345678901\")"})
    void anAccountIdOfTheWrongLengthIsToldWhatIsWrongAndQuotingOnlyWhereItHelps(String written, String message) {
        assertThat(compact(errors(pipelineAccount(written))))
                .containsExactly("3:14 cdk_app_config.pipeline.account: " + message);
    }
}
