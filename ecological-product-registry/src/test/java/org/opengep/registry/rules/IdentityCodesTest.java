package org.opengep.registry.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityCodesTest {

    @ParameterizedTest(name = "{0} ({1}) is valid")
    @CsvSource({
        "91350100M000100Y43, the example of GB 32100-2015",
        "9144030071526726XG, a Shenzhen enterprise",
        "914403001922038216, a Shenzhen enterprise",
        "91330100799655058B, a Hangzhou enterprise",
    })
    void validUnifiedSocialCreditCodes(String code, String what) {
        assertThat(IdentityCodes.usccProblem(code)).as(what).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "91350100M000100Y44 | check character is '4' but",
        "91350100M000100Y4  | has 18 characters",
        "91350100M000100Y433 | has 18 characters",
        "91350100M00O100Y43 | character 12 'O' is not allowed",
        "9135010OM000100Y43 | character 8 'O' is not allowed",
        "Z1350100M000100Y43 | character 1 'Z' is not allowed",
        "B1350100M000100Y43 | is not a registration authority code",
        "9135A100M000100Y43 | must be digits",
        "91350100m000100y43 | character 9 'm' is not allowed",
        "９1350100M000100Y43 | character 1 '９' is not allowed",
        "913501٠٠M000100Y43 | character 7 '٠' is not allowed",
    })
    void invalidUnifiedSocialCreditCodes(String code, String problem) {
        assertThat(IdentityCodes.usccProblem(code)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X", "440524188001010014"})
    void validCitizenIdentityNumbers(String code) {
        assertThat(IdentityCodes.citizenIdProblem(code)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "110105194912310021 | check character is '1' but the first 17 digits give 'X'",
        "11010519491331002X | not a date of birth",
        "1101051949123100   | has 18 characters",
        "1101051949123100AX | the first 17 characters must be the digits 0-9",
        "１１０１０５１９４９１２３１００２X | the first 17 characters must be the digits 0-9",
        "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X | the first 17 characters must be the digits 0-9",
        "1101051949123100２X | the first 17 characters must be the digits 0-9",
    })
    void invalidCitizenIdentityNumbers(String code, String problem) {
        assertThat(IdentityCodes.citizenIdProblem(code)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }

    @ParameterizedTest
    @CsvSource({"' 91350100m000100y43 ', 91350100M000100Y43"})
    void codesAreComparedInUpperCaseWithoutBlanks(String given, String normalised) {
        assertThat(IdentityCodes.normalise(given)).isEqualTo(normalised);
        assertThat(IdentityCodes.usccProblem(IdentityCodes.normalise(given))).isEmpty();
    }
}
