package org.gazette.admin;

/**
 * The audit log's filter, as typed.
 *
 * @param actor an email address
 * @param action an action or a prefix ending in a dot
 * @param from first day (yyyy-mm-dd), in the site's time zone
 * @param to last day (yyyy-mm-dd), inclusive
 * @param page page number
 */
public record AuditForm(String actor, String action, String from, String to, String page) {
}
