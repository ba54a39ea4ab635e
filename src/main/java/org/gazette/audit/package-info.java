/**
 * The audit log: an append-only record of who did what, when, to what, and from where.
 */
package org.gazette.audit;
