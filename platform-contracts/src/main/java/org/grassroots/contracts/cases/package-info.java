/**
 * The appeal case events published by case-service on {@code case-events}: one record per
 * workflow step or SLA signal, each carrying the full {@link org.grassroots.contracts.cases.CaseFacts}
 * so that department systems outside the platform can act on it alone.
 */
package org.grassroots.contracts.cases;
