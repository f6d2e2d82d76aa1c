/**
 * Events of grids, grid staff and household pairing, published by grid-service on {@code grid-events}.
 * They carry no personal data: grids by code, name and boundary facts; staff and party members by
 * user id; households by id and grid, never by address or by the people living there.
 */
package org.grassroots.contracts.grids;
