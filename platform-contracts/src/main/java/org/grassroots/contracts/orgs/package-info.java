/**
 * Events of the organisation tree, published by org-service on {@code org-events}. They carry no
 * personal data: units by code, name and path only.
 */
package org.grassroots.contracts.orgs;
