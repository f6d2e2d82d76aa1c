/**
 * volunteer-service's events on {@code volunteer-events}: points awarded, activities completed,
 * micro-wishes fulfilled and dual registrations accepted. People appear only as user ids; no
 * names, phones or free text written by residents.
 */
package org.grassroots.contracts.volunteer;
