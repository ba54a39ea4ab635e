package org.gazette.publishing;

import java.time.Instant;

/**
 * A redirect an admin keeps (or an import made): a request for {@code fromPath} that
 * nothing else answers goes to {@code toUrl} with a 301.
 *
 * @param id the redirect
 * @param fromPath the old path, normalised (decoded, no trailing slash)
 * @param toUrl a site path or an http(s) address
 * @param note why it exists, or null
 * @param createdBy who added it
 * @param createdAt when
 */
public record Redirect(long id, String fromPath, String toUrl, String note, String createdBy, Instant createdAt) {
}
