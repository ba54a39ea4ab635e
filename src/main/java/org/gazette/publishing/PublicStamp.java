package org.gazette.publishing;

import java.time.Instant;

/**
 * A public story's address and dates, all a sitemap needs.
 *
 * @param id article id
 * @param slug address
 * @param releaseAt release instant
 * @param lastPublicUpdateAt last time what readers see changed
 */
public record PublicStamp(long id, String slug, Instant releaseAt, Instant lastPublicUpdateAt) {

	/** The last public change, or the release when there has been none since. */
	public Instant lastModified() {
		return (this.lastPublicUpdateAt != null && this.lastPublicUpdateAt.isAfter(this.releaseAt))
				? this.lastPublicUpdateAt : this.releaseAt;
	}

}
