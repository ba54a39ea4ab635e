/**
 * The back office under {@code /admin}: sign-in, the dashboard, accounts and the audit
 * log, for the agency's communications team.
 */
package org.gazette.admin;
