/**
 * Bringing content in and out of Gazette; for now, the demo newsroom loaded on first
 * start.
 */
package org.gazette.migration;
