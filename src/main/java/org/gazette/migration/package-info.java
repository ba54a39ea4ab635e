/**
 * Bringing content in and out of Gazette: the demo newsroom loaded on first start, the
 * export and import of a whole site in Gazette's own format, and backup and restore of
 * the embedded database with its media files.
 */
package org.gazette.migration;
