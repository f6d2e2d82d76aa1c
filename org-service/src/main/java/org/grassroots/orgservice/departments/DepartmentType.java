package org.grassroots.orgservice.departments;

/** The functional departments (职能部门) a community summons when it blows the whistle. */
public enum DepartmentType {
    HOUSING_CONSTRUCTION,
    URBAN_MANAGEMENT,
    ECOLOGY_ENVIRONMENT,
    MARKET_SUPERVISION,
    PUBLIC_SECURITY,
    TRANSPORT,
    CIVIL_AFFAIRS,
    WATER_AFFAIRS,
    EMERGENCY_MANAGEMENT,
    OTHER
}
