package org.grassroots.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/** The rules fail when broken: checked on a small service that keeps them and one that breaks each. */
class ArchitectureRulesTest {

    private static final String GOOD = "org.grassroots.archfixture.goodservice";
    private static final String BAD = "org.grassroots.archfixture.badservice";

    private final JavaClasses fixtures = new ClassFileImporter().importPackages("org.grassroots.archfixture");

    @Test
    void givenAServiceThatKeepsTheRules_whenChecked_thenNoRuleIsBroken() {
        assertThat(ArchitectureRules.domainIsFreeOfSpring(Set.of()).evaluate(only(GOOD)).hasViolation()).isFalse();
        assertThat(ArchitectureRules.webTypesOnlyInWebPackages(Set.of()).evaluate(only(GOOD)).hasViolation()).isFalse();
        assertThat(ArchitectureRules.controllersOnlyInWebPackages().evaluate(only(GOOD)).hasViolation()).isFalse();
        assertThat(ArchitectureRules.controllersReturnNoDocuments().evaluate(only(GOOD)).hasViolation()).isFalse();
        assertThat(ArchitectureRules.readsNoOtherServicesStore(GOOD).evaluate(only(GOOD)).hasViolation()).isFalse();
    }

    @Test
    void givenADomainClassUsingSpring_whenChecked_thenTheDomainRuleNamesIt() {
        EvaluationResult result = ArchitectureRules.domainIsFreeOfSpring(Set.of()).evaluate(only(BAD));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("SpringyParcel");
    }

    @Test
    void givenResponseEntityOutsideWeb_whenChecked_thenTheWebRuleNamesIt() {
        EvaluationResult result = ArchitectureRules.webTypesOnlyInWebPackages(Set.of()).evaluate(only(BAD));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("SpringyParcel");
    }

    @Test
    void givenAControllerOutsideWeb_whenChecked_thenTheControllerRuleNamesIt() {
        EvaluationResult result = ArchitectureRules.controllersOnlyInWebPackages().evaluate(only(BAD));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("MisplacedController");
    }

    @Test
    void givenAControllerReturningStoredDocuments_whenChecked_thenTheResponseRuleNamesIt() {
        EvaluationResult result = ArchitectureRules.controllersReturnNoDocuments().evaluate(only(BAD));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LeakyController").contains("StoredParcel");
    }

    @Test
    void givenAServiceUsingAnotherServicesClasses_whenChecked_thenTheStoreRuleNamesIt() {
        EvaluationResult result = ArchitectureRules.readsNoOtherServicesStore(BAD).evaluate(only(BAD));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("NosyLedger").contains("OtherStore");
    }

    @Test
    void givenAClassNamedAsAnException_whenChecked_thenOnlyThatClassIsExcused() {
        Set<String> excused = Set.of(BAD + ".SpringyParcel");

        assertThat(ArchitectureRules.domainIsFreeOfSpring(excused).evaluate(only(BAD)).hasViolation()).isFalse();
        assertThat(ArchitectureRules.webTypesOnlyInWebPackages(excused).evaluate(only(BAD)).getFailureReport().toString())
                .doesNotContain("SpringyParcel").contains("MisplacedController");
        assertThatThrownBy(() -> ArchitectureRules.checkService(only(BAD), BAD, Map.of(BAD + ".SpringyParcel", "a fixture")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MisplacedController");
    }

    private JavaClasses only(String rootPackage) {
        return fixtures.that(DescribedPredicate.describe("in " + rootPackage,
                type -> type.getPackageName().startsWith(rootPackage)));
    }

    @Test
    void givenATestNotNamedGivenWhenThen_whenNamesAreChecked_thenItIsNamedAndTheOthersPass() {
        assertThatThrownBy(() -> ArchitectureRules.checkTestNames("org.grassroots.misnamedfixture"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MisnamedExample.theSameEventDeliveredTwiceHasOneEffect")
                .hasMessageNotContaining("givenAnEvent");
    }

    @Test
    void givenThisModulesTests_whenTheirNamesAreChecked_thenEachReadsGivenWhenThen() {
        ArchitectureRules.checkTestNames("org.grassroots.testsupport");
    }
}
