package org.gazette.site;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Departure;
import org.gazette.publishing.Redirects;
import org.gazette.search.SearchBusyException;
import org.gazette.search.SearchParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors as pages in the site's style, with a plain message and never a stack trace.
 */
@ControllerAdvice
class SiteErrors {

	private static final Logger logger = LoggerFactory.getLogger(SiteErrors.class);

	private final NewsroomPages pages;

	private final PublicResponses responses;

	private final Redirects redirects;

	private final SiteUrls urls;

	SiteErrors(NewsroomPages pages, PublicResponses responses, Redirects redirects, SiteUrls urls) {
		this.pages = pages;
		this.responses = responses;
		this.redirects = redirects;
		this.urls = urls;
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<byte[]> badRequest(HttpServletRequest request, BadRequestException ex) {
		return errorPage(request, 400, ex.getMessage());
	}

	@ExceptionHandler(SearchParameters.InvalidSearchException.class)
	ResponseEntity<byte[]> badSearch(HttpServletRequest request, SearchParameters.InvalidSearchException ex) {
		return errorPage(request, 400, ex.getMessage());
	}

	/** Too many searches at once: the reader is asked to try again shortly. */
	@ExceptionHandler(SearchBusyException.class)
	ResponseEntity<byte[]> searchBusy(HttpServletRequest request, SearchBusyException ex) {
		return errorPage(request, 503, ex.getMessage(), HttpHeaders.RETRY_AFTER,
				Integer.toString(SearchBusyException.RETRY_AFTER_SECONDS));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			InvalidParameterException.class })
	ResponseEntity<byte[]> badParameter(HttpServletRequest request) {
		return errorPage(request, 400, null);
	}

	/**
	 * Nothing lives here: a redirect an admin keeps (or an import made) from this path
	 * answers, else the 404 page. Only requests that would be 404 pay for the lookup.
	 */
	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ResponseEntity<byte[]> notFound(HttpServletRequest request) {
		if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
			var destination = this.redirects.destination(request.getRequestURI());
			if (destination.isPresent()) {
				return movedPermanently(destination.get());
			}
		}
		return errorPage(request, 404, null);
	}

	/** A story that moved or was taken down: 301 to where it went, or 410. */
	@ExceptionHandler(DepartedException.class)
	ResponseEntity<byte[]> departed(HttpServletRequest request, DepartedException ex) {
		if (ex.departure instanceof Departure.Moved moved) {
			return movedPermanently(this.urls.story(moved.slug()));
		}
		if (ex.departure instanceof Departure.Redirected redirected) {
			return movedPermanently(redirected.url());
		}
		if (ex.departure instanceof Departure.Gone gone) {
			return this.responses.uncached(request, 410, "site/gone.jte", this.pages.gone(gone));
		}
		return errorPage(request, 404, null);
	}

	/** A merged or renamed author's or topic's old address: 301 to its own. */
	@ExceptionHandler(NewsroomController.ProfileMovedException.class)
	ResponseEntity<byte[]> profileMoved(NewsroomController.ProfileMovedException ex) {
		return movedPermanently(ex.location);
	}

	@ExceptionHandler(NewsroomController.PastEndException.class)
	ResponseEntity<byte[]> pastEnd(HttpServletRequest request, NewsroomController.PastEndException ex) {
		return this.responses.uncached(request, 404, "site/listing.jte", ex.page);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<byte[]> methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException ex) {
		return errorPage(request, 405, null, HttpHeaders.ALLOW,
				String.join(", ", ex.getSupportedMethods() != null ? ex.getSupportedMethods() : new String[0]));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Void> notAcceptable() {
		return ResponseEntity.status(406).build();
	}

	/**
	 * The reader went away mid-response: nothing to answer, and nothing wrong with the
	 * site.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(HttpServletRequest request) {
		logger.debug("Client left before {} was sent", request.getRequestURI());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<byte[]> failure(HttpServletRequest request, Exception ex) {
		logger.error("Request to {} failed", request.getRequestURI(), ex);
		return errorPage(request, 500, null);
	}

	private static ResponseEntity<byte[]> movedPermanently(String location) {
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.header(HttpHeaders.LOCATION, location)
			.cacheControl(CacheControl.noCache())
			.build();
	}

	ResponseEntity<byte[]> errorPage(HttpServletRequest request, int status, String message) {
		return this.responses.uncached(request, status, "site/error.jte", this.pages.error(status, message));
	}

	/** The error page with one more header that tells the client what to do instead. */
	private ResponseEntity<byte[]> errorPage(HttpServletRequest request, int status, String message, String header,
			String value) {
		ResponseEntity<byte[]> page = errorPage(request, status, message);
		return ResponseEntity.status(status).headers(page.getHeaders()).header(header, value).body(page.getBody());
	}

}
