/**
 * Events of the organisation tree, its party members, departments and partners, published by
 * org-service on {@code org-events}. They carry no personal data: units, departments and partners
 * by code, name and path; members by id, unit and posts only (never a name or phone).
 */
package org.grassroots.contracts.orgs;
