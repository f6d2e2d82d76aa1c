package org.grassroots.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.grassroots.platform.domain.ForbiddenException;
import org.junit.jupiter.api.Test;

class CallerTest {

    static final String WANGYING = "/qjp/qjp-wangying";
    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";

    @Test
    void givenStreetStaff_thenTheySeeTheirStreetAndEverythingUnderIt() {
        Caller staff = new Caller("s1", "street1", Set.of(Roles.STREET_STAFF), WANGYING, null);

        assertThat(staff.maySeeOrgPath(WANGYING)).isTrue();
        assertThat(staff.maySeeOrgPath(FUQIAN)).isTrue();
        assertThat(staff.maySeeOrgPath("/qjp/qjp-puloushan")).isFalse();
        assertThat(staff.maySeeOrgPath("/qjp")).isFalse();
    }

    @Test
    void givenASiblingWhosePathStartsTheSame_thenItIsNotInside() {
        Caller staff = new Caller("s1", "c1", Set.of(Roles.COMMUNITY_STAFF), "/qjp/qjp-wangying/fu", null);

        assertThat(staff.maySeeOrgPath("/qjp/qjp-wangying/fuqian")).isFalse();
    }

    @Test
    void givenACallerWithoutAnOrgPath_thenTheySeeNoArea() {
        Caller resident = new Caller("r1", "resident1", Set.of(Roles.RESIDENT), null, null);

        assertThat(resident.maySeeOrgPath(FUQIAN)).isFalse();
        assertThatThrownBy(() -> resident.requireOrgPath(FUQIAN)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void givenAResidentsOrgPath_thenItSaysWhereTheyLiveNotWhatTheyMaySee() {
        Caller resident = new Caller("r1", "resident1", Set.of(Roles.RESIDENT, Roles.PARTY_MEMBER), FUQIAN, null);

        assertThat(resident.maySeeOrgPath(FUQIAN)).isFalse();
    }

    @Test
    void givenAPlatformAdministrator_thenTheySeeEverything() {
        Caller admin = new Caller("a1", "admin", Set.of(Roles.PLATFORM_ADMIN), null, null);

        assertThat(admin.maySeeOrgPath(FUQIAN)).isTrue();
        assertThat(admin.maySeeDepartmentWork("dept-urban")).isTrue();
    }

    @Test
    void givenDepartmentStaff_thenTheySeeOnlyTheirOwnDepartmentsWork() {
        Caller housing = new Caller("d1", "dept-housing1", Set.of(Roles.DEPARTMENT_STAFF), "/qjp", "dept-housing");

        assertThat(housing.maySeeDepartmentWork("dept-housing")).isTrue();
        assertThat(housing.maySeeDepartmentWork("dept-urban")).isFalse();
    }

    @Test
    void givenAnOrgPathWithATrailingSlash_thenTheScopeIsUnchanged() {
        Caller staff = new Caller("s1", "street1", Set.of(Roles.STREET_STAFF), WANGYING + "/", null);

        assertThat(staff.orgPath()).isEqualTo(WANGYING);
        assertThat(staff.maySeeOrgPath(FUQIAN + "/")).isTrue();
    }
}
