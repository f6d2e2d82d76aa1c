package org.grassroots.caseservice.categories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.contracts.cases.HandlingLevel;
import org.junit.jupiter.api.Test;

/** The shipped seed reads, keeps every invariant, and says what urban-management practice expects. */
class CategorySeedTest {

    final Map<String, Category> seed = CategorySeed.read().stream()
            .collect(Collectors.toMap(Category::code, Function.identity()));

    @Test
    void givenTheSeed_thenItHoldsARealisticCatalogueWithUniqueCodes() {
        assertThat(CategorySeed.read()).hasSize(seed.size());
        assertThat(seed).hasSizeGreaterThanOrEqualTo(12).containsKeys("EXPOSED_RUBBISH", "BURST_WATER_PIPE",
                "BROKEN_STREET_LIGHT", "ROAD_DAMAGE", "ILLEGAL_CONSTRUCTION", "NOISE_NUISANCE", "PROPERTY_SERVICE",
                "NEIGHBOUR_DISPUTE", "ELDERLY_ASSISTANCE", "SEWAGE_OVERFLOW", "ILLEGAL_PARKING",
                "SHARED_BICYCLES_PILED", "STRAY_DOGS");
        assertThat(seed.values()).allSatisfy(category -> {
            assertThat(category.isActive()).isTrue();
            assertThat(category.version()).isEqualTo(1);
        });
    }

    @Test
    void givenTheSeed_thenExposedRubbishIsRespondedToInTwoHoursAndResolvedInADay() {
        CategoryLimits limits = seed.get("EXPOSED_RUBBISH").limitsFor(false);

        assertThat(limits).isEqualTo(new CategoryLimits(TimeLimit.workingHours(2), TimeLimit.workingDays(1),
                TimeLimit.workingDays(1)));
    }

    @Test
    void givenTheSeed_thenABurstPipeIsAnEmergencyDispatchedWithinTenMinutesAndAsksWhetherWaterStillFlows() {
        Category pipe = seed.get("BURST_WATER_PIPE");

        assertThat(pipe.limitsFor(true).respond()).isEqualTo(TimeLimit.minutes(10));
        assertThat(pipe.limitsFor(true).resolve()).isEqualTo(TimeLimit.minutes(240));
        assertThat(pipe.attribute("waterStillFlowing")).hasValueSatisfying(a -> assertThat(a.required()).isTrue());
    }

    @Test
    void givenTheSeed_thenIllegalConstructionStartsAtTheStreetWithUrbanManagement() {
        assertThat(seed.get("ILLEGAL_CONSTRUCTION").startingLevel()).isEqualTo(HandlingLevel.STREET);
        assertThat(seed.get("ILLEGAL_CONSTRUCTION").departmentId()).isEqualTo("dept-urban");
    }

    @Test
    void givenTheSeed_thenANeighbourDisputeStaysInTheGridWithoutADepartment() {
        assertThat(seed.get("NEIGHBOUR_DISPUTE").startingLevel()).isEqualTo(HandlingLevel.GRID);
        assertThat(seed.get("NEIGHBOUR_DISPUTE").departmentId()).isNull();
    }

    @Test
    void givenTheSeed_thenHelpForAnElderlyResidentIsAServiceRequest() {
        assertThat(seed.get("ELDERLY_ASSISTANCE").kind()).isEqualTo(CategoryKind.SERVICE_REQUEST);
        assertThat(seed.values().stream().filter(c -> c.kind() == CategoryKind.SERVICE_REQUEST).map(Category::code)
                .toList()).isEqualTo(List.of("ELDERLY_ASSISTANCE"));
    }

    @Test
    void givenTheSeed_thenAStreetLightPoleNumberIsAnOptionalText() {
        assertThat(seed.get("BROKEN_STREET_LIGHT").attribute("poleNumber")).hasValueSatisfying(a -> {
            assertThat(a.datatype()).isEqualTo(CategoryAttribute.Datatype.STRING);
            assertThat(a.required()).isFalse();
        });
    }
}
