package org.grassroots.gridservice.households;

import java.time.Clock;
import java.util.List;

import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * 党员联系户: each party member is paired with 5–10 households, a 党员中心户 with 10–30. The upper bound is
 * enforced when pairing; the lower bound is a target the member report shows. Community and street
 * staff and administrators of the household's area arrange pairings.
 */
@Service
public class Pairings {

    public static final int MEMBER_MIN = 5;
    public static final int MEMBER_MAX = 10;
    public static final int CENTRAL_MIN = 10;
    public static final int CENTRAL_MAX = 30;

    private final HouseholdRepository repository;
    private final Households households;
    private final Grids grids;
    private final Clock clock;

    Pairings(HouseholdRepository repository, Households households, Grids grids, Clock clock) {
        this.repository = repository;
        this.households = households;
        this.grids = grids;
        this.clock = clock;
    }

    public ShownHousehold pair(String householdId, String memberId, boolean central, Caller caller) {
        Household household = households.find(householdId, caller);
        requireArranger(caller, household.orgPath());
        if (memberId.equals(household.pairedMemberId()) && central == household.pairedCentral()) {
            return households.show(List.of(household), caller, "pair household").get(0);
        }
        long load = repository.countPairedWith(memberId);
        int max = central ? CENTRAL_MAX : MEMBER_MAX;
        if (load >= max) {
            throw new InvalidStateException("member " + memberId + " already has " + load + " households, the most "
                    + (central ? "a central household (党员中心户)" : "a party member") + " takes (" + max + ")");
        }
        long readVersion = household.version();
        repository.update(household, readVersion, household.pair(memberId, central, clock.instant()));
        return households.show(List.of(household), caller, "pair household").get(0);
    }

    public ShownHousehold unpair(String householdId, Caller caller) {
        Household household = households.find(householdId, caller);
        requireArranger(caller, household.orgPath());
        long readVersion = household.version();
        repository.update(household, readVersion, household.unpair(clock.instant()));
        return households.show(List.of(household), caller, "unpair household").get(0);
    }

    /** A page of the active households of a grid that no party member is paired with, in address order. */
    public Page<ShownHousehold> unpaired(String gridCode, Paging paging, Caller caller) {
        Grid grid = grids.get(gridCode);
        if (!caller.maySeeOrgPath(grid.orgPath())) {
            throw new NotFoundException("Grid households", gridCode);
        }
        return households.show(repository.activeUnpairedOfGrid(gridCode, paging), caller, "unpaired households report");
    }

    /** How many households a member is paired with, against the target range. */
    public PairingLoad load(String memberId, Caller caller) {
        List<Household> paired = repository.pairedWith(memberId);
        if (!caller.isSubject(memberId) && paired.stream().noneMatch(h -> caller.maySeeOrgPath(h.orgPath()))) {
            throw new NotFoundException("Member pairings", memberId);
        }
        boolean central = paired.stream().anyMatch(Household::pairedCentral);
        int min = central ? CENTRAL_MIN : MEMBER_MIN;
        int max = central ? CENTRAL_MAX : MEMBER_MAX;
        return new PairingLoad(memberId, paired.size(), central, min, max);
    }

    private static void requireArranger(Caller caller, String orgPath) {
        if (!caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN, Roles.PLATFORM_ADMIN)
                || !caller.maySeeOrgPath(orgPath)) {
            throw new ForbiddenException("Pairings are arranged by the community's staff");
        }
    }

    /** How many households a member is paired with, and the range their kind of pairing aims at. */
    public record PairingLoad(String memberId, int households, boolean central, int targetMin, int targetMax) {

        public boolean withinTarget() {
            return households >= targetMin && households <= targetMax;
        }
    }
}
