package org.grassroots.gridservice.ledgers;

import org.grassroots.platform.crypto.FieldCipher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.grassroots.gridservice.communities.Community;
import org.grassroots.gridservice.communities.CommunityDirectory;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.gridservice.households.Household;
import org.grassroots.gridservice.households.HouseholdRepository;
import org.grassroots.gridservice.households.ServiceTag;
import org.grassroots.gridservice.ledgers.LedgerEntry.LedgerKind;
import org.grassroots.gridservice.pii.Masking;
import org.grassroots.gridservice.pii.PiiAudit;
import org.grassroots.gridservice.staff.GridStaff;
import org.grassroots.gridservice.staff.StaffAssignment;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * The three ledgers of a grid — population (from households), businesses and units — and the
 * staffing report: community workers per 10,000 residents against the rule of at least 18.
 */
@Service
public class Ledgers {

    /** 每万名城镇常住人口拥有社区工作者不少于18人. */
    public static final double WORKERS_PER_10K_RULE = 18;

    private final LedgerRepository entries;
    private final HouseholdRepository households;
    private final Grids grids;
    private final GridStaff staff;
    private final CommunityDirectory communities;
    private final FieldCipher cipher;
    private final PiiAudit audit;
    private final Clock clock;

    Ledgers(LedgerRepository entries, HouseholdRepository households, Grids grids, GridStaff staff,
            CommunityDirectory communities, FieldCipher cipher, PiiAudit audit, Clock clock) {
        this.entries = entries;
        this.households = households;
        this.grids = grids;
        this.staff = staff;
        this.communities = communities;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public ShownEntry record(String gridCode, LedgerKind kind, String name, String address, String creditCode,
            String contactPhone, Caller caller) {
        Grid grid = visibleGrid(gridCode, caller);
        if (!caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF, Roles.PLATFORM_ADMIN)) {
            throw new ForbiddenException("The ledgers are kept by the grid's workers and community staff");
        }
        LedgerEntry.checkPhone(contactPhone);
        LedgerEntry entry = LedgerEntry.record(UUID.randomUUID().toString(), gridCode, grid.orgPath(), kind, name,
                address, creditCode, cipher.encrypt(contactPhone), clock.instant());
        entries.add(entry, entry.recorded());
        return show(List.of(entry), caller).get(0);
    }

    /** A page of a grid's ledger entries, of one kind if given, by name. */
    public Page<ShownEntry> entries(String gridCode, LedgerKind kind, Paging paging, Caller caller) {
        visibleGrid(gridCode, caller);
        Page<LedgerEntry> page = entries.ofGrid(gridCode, kind, paging);
        return new Page<>(show(page.items(), caller), page.page(), page.size(), page.totalItems());
    }

    /** The population ledger in numbers: households, residents, residents by service tag, unpaired households. */
    public PopulationSummary population(String gridCode, Caller caller) {
        visibleGrid(gridCode, caller);
        // Households moved out or removed stay for the record but are no longer counted.
        List<Household> active = households.ofGrid(gridCode).stream().filter(Household::isActive).toList();
        Map<ServiceTag, Integer> byTag = new EnumMap<>(ServiceTag.class);
        int residents = 0;
        int unpaired = 0;
        for (Household household : active) {
            residents += household.persons().size();
            if (household.pairedMemberId() == null) {
                unpaired++;
            }
            household.persons().forEach(person -> person.tags().forEach(tag -> byTag.merge(tag, 1, Integer::sum)));
        }
        return new PopulationSummary(gridCode, active.size(), residents, byTag, unpaired);
    }

    /**
     * A page of the report, a line per community in the caller's area (by community code): workers
     * (full-time grid workers and grid chiefs) per 10,000 residents. The report is computed whole over
     * the district, then paged.
     */
    public Page<StaffingLine> staffing(Paging paging, Caller caller) {
        Map<String, Integer> residents = new HashMap<>();
        households.all().stream().filter(Household::isActive).forEach(household -> residents.merge(household.orgPath(), household.persons().size(), Integer::sum));
        Map<String, Set<String>> workers = new HashMap<>();
        for (StaffAssignment assignment : staff.activeCommunityWorkers()) {
            workers.computeIfAbsent(assignment.orgPath(), path -> new HashSet<>()).add(assignment.userId());
        }
        List<StaffingLine> lines = new ArrayList<>();
        for (Community community : communities.all()) {
            if (community.retired() || !caller.maySeeOrgPath(community.path())) {
                continue;
            }
            int people = residents.getOrDefault(community.path(), 0);
            int staffed = workers.getOrDefault(community.path(), Set.of()).size();
            Double per10k = people == 0 ? null : Math.round(staffed * 10_000.0 / people * 10) / 10.0;
            lines.add(new StaffingLine(community.code(), community.name(), community.path(), people, staffed, per10k,
                    per10k != null && per10k >= WORKERS_PER_10K_RULE));
        }
        return Page.slice(lines, paging);
    }

    private Grid visibleGrid(String gridCode, Caller caller) {
        Grid grid = grids.get(gridCode);
        if (!caller.maySeeOrgPath(grid.orgPath())) {
            throw new NotFoundException("Grid ledger", gridCode);
        }
        return grid;
    }

    private List<ShownEntry> show(List<LedgerEntry> entries, Caller caller) {
        boolean full = caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF);
        List<String> unmasked = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<ShownEntry> views = entries.stream().map(entry -> {
            String phone = cipher.decrypt(entry.contactPhoneCipher());
            if (full && phone != null) {
                unmasked.add(entry.id());
                paths.add(entry.orgPath());
            }
            return new ShownEntry(entry, full ? phone : Masking.phone(phone));
        }).toList();
        audit.unmaskedRead(caller, "read ledger entries", List.of(), unmasked, paths);
        return views;
    }

    /** A ledger entry as one caller is shown it: the contact phone in full for the grid's workers and community staff, masked otherwise. */
    public record ShownEntry(LedgerEntry entry, String contactPhone) {
    }

    public record PopulationSummary(String gridCode, int households, int residents, Map<ServiceTag, Integer> byTag,
            int unpairedHouseholds) {
    }

    public record StaffingLine(String communityId, String name, String orgPath, int residents, int workers,
            Double workersPer10k, boolean meetsRule) {
    }
}
