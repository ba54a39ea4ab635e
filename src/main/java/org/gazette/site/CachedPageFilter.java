package org.gazette.site;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.platform.PublicHeaders;
import org.gazette.platform.SiteUrls;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request for a cached public page before the security chain and Spring MVC
 * run: the bytes, validators and security headers are already known, so a hit costs a map
 * lookup and a write. A miss, or anything else, goes on down the chain as usual, which
 * renders and caches. {@code PublicResponseTests} checks that a hit and a miss carry the
 * same headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CachedPageFilter extends OncePerRequestFilter {

	private final PageCache cache;

	private final PublicHeaders headers;

	private final SiteUrls urls;

	CachedPageFilter(PageCache cache, PublicHeaders headers, SiteUrls urls) {
		this.cache = cache;
		this.headers = headers;
		this.urls = urls;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RenderedPage page = cachedPage(request);
		if (page == null) {
			chain.doFilter(request, response);
			return;
		}
		boolean gzip = PublicResponses.acceptsGzip(request);
		this.headers.apply(request, response);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		if (new ServletWebRequest(request, response).checkNotModified(PublicResponses.etag(page, gzip),
				page.renderedAt().toEpochMilli())) {
			return;
		}
		byte[] body = gzip ? page.gzipped() : page.html();
		response.setStatus(page.status());
		response.setContentType("text/html;charset=UTF-8");
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	private RenderedPage cachedPage(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		String path = request.getRequestURI();
		// Anything unusual in the address (encoded characters, parameters in the path)
		// takes
		// the full route, where the security firewall judges it.
		String query = request.getQueryString();
		if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || path.contains("//")
				|| (query != null && query.indexOf('%') >= 0)) {
			return null;
		}
		try {
			String key = PageKeys.of(path, request::getParameter, this.urls);
			return (key != null) ? this.cache.get(key).orElse(null) : null;
		}
		catch (RuntimeException ex) {
			// A query string the container cannot decode: the full route answers it with
			// a 400.
			return null;
		}
	}

}
