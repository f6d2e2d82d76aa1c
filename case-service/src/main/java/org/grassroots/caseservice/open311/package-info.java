/**
 * Open311 GeoReport v2 at {@code /open311/v2/} (docs/open311.md): the category catalogue as services,
 * service requests filed through the same intake as the platform's own API, their public view, and
 * FixMyStreet's update and pagination extensions. An API key is a Keycloak confidential client's
 * credentials, exchanged for that client's token ({@link ApiKeys}); the reporter's personal data is
 * neither kept nor returned.
 */
package org.grassroots.caseservice.open311;
