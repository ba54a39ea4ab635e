package org.gazette.syndication;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers with a rendered feed, sitemap or API document and its validators; Spring MVC
 * compares them with {@code If-None-Match} and {@code If-Modified-Since} and answers 304.
 * {@code no-cache} makes browsers and CDNs revalidate, so none of them shows a channel
 * past an embargo change.
 */
final class ChannelResponses {

	private ChannelResponses() {
	}

	static ResponseEntity<byte[]> ok(Rendered rendered) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(rendered.contentType()))
			.cacheControl(CacheControl.noCache())
			.eTag(rendered.etag())
			.lastModified(rendered.lastModified())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.body(rendered.body());
	}

}
