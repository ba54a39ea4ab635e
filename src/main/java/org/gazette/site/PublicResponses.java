package org.gazette.site;

import java.time.Clock;
import java.util.function.Supplier;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders public pages through jte, caches them per node, and answers with validators: an
 * {@code ETag} and {@code Last-Modified} that Spring MVC checks against conditional
 * requests (304), gzip when the client takes it, and {@code no-cache} so that browsers
 * and CDNs revalidate and never show a page past an embargo change.
 */
@Component
class PublicResponses {

	private final TemplateEngine templates;

	private final PageCache cache;

	private final Clock clock;

	PublicResponses(TemplateEngine templates, PageCache cache, Clock clock) {
		this.templates = templates;
		this.cache = cache;
		this.clock = clock;
	}

	/**
	 * A page, from the cache when it holds one for this key.
	 * @param key the normalized address; two requests with the same key get the same
	 * bytes
	 * @param template jte template under src/main/jte, such as {@code site/story.jte}
	 * @param page builds the page record; it may throw to answer with an error page
	 * instead
	 */
	ResponseEntity<byte[]> cached(HttpServletRequest request, String key, String template, Supplier<?> page) {
		RenderedPage rendered = this.cache.get(key).orElse(null);
		if (rendered == null) {
			long generation = this.cache.generation();
			rendered = render(200, template, page.get());
			this.cache.put(key, rendered, generation);
		}
		return respond(request, rendered);
	}

	/** A page that is never cached, such as an error or an out-of-range listing page. */
	ResponseEntity<byte[]> uncached(HttpServletRequest request, int status, String template, Object page) {
		return respond(request, render(status, template, page));
	}

	/**
	 * A page that only its secret address opens, such as a preview link: kept by no cache
	 * (this node's, a CDN's or the browser's), out of search engines, and its address
	 * never sent on as a referrer, since the address is the key.
	 */
	ResponseEntity<byte[]> unlisted(HttpServletRequest request, int status, String template, Object page) {
		RenderedPage rendered = render(status, template, page);
		boolean gzip = acceptsGzip(request);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex, nofollow")
			.header("Referrer-Policy", "no-referrer");
		if (gzip) {
			response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return response.body(gzip ? rendered.gzipped() : rendered.html());
	}

	String renderToString(String template, Object page) {
		StringOutput output = new StringOutput(16 * 1024);
		this.templates.render(template, page, output);
		return output.toString();
	}

	private RenderedPage render(int status, String template, Object page) {
		return RenderedPage.of(status, renderToString(template, page), this.clock.instant());
	}

	private static ResponseEntity<byte[]> respond(HttpServletRequest request, RenderedPage page) {
		boolean gzip = acceptsGzip(request);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(page.status())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.cacheControl(CacheControl.noCache());
		if (page.status() == 200) {
			// The gzip form is a different representation, so it gets its own entity tag.
			response.eTag(etag(page, gzip)).lastModified(page.renderedAt());
		}
		if (gzip) {
			response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return response.body(gzip ? page.gzipped() : page.html());
	}

	/**
	 * The page's entity tag; the gzip form is a different representation, with its own
	 * tag.
	 */
	static String etag(RenderedPage page, boolean gzip) {
		return gzip ? page.etag().replaceFirst("\"$", "-gz\"") : page.etag();
	}

	/** Whether Accept-Encoding names gzip (or *) with a quality above zero. */
	static boolean acceptsGzip(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		if (accepted == null) {
			return false;
		}
		for (String coding : accepted.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
			if (name.equals("gzip") || name.equals("x-gzip")) {
				return parts.length < 2 || quality(parts[1]) > 0;
			}
		}
		return false;
	}

	private static double quality(String parameter) {
		String[] pair = parameter.split("=");
		try {
			return (pair.length == 2 && pair[0].strip().equalsIgnoreCase("q")) ? Double.parseDouble(pair[1].strip())
					: 1;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
