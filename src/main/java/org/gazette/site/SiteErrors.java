package org.gazette.site;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.gazette.search.SearchParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	SiteErrors(NewsroomPages pages, PublicResponses responses) {
		this.pages = pages;
		this.responses = responses;
	}

	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<byte[]> badRequest(HttpServletRequest request, BadRequestException ex) {
		return errorPage(request, 400, ex.getMessage());
	}

	@ExceptionHandler(SearchParameters.InvalidSearchException.class)
	ResponseEntity<byte[]> badSearch(HttpServletRequest request, SearchParameters.InvalidSearchException ex) {
		return errorPage(request, 400, ex.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			InvalidParameterException.class })
	ResponseEntity<byte[]> badParameter(HttpServletRequest request) {
		return errorPage(request, 400, null);
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ResponseEntity<byte[]> notFound(HttpServletRequest request) {
		return errorPage(request, 404, null);
	}

	@ExceptionHandler(NewsroomController.PastEndException.class)
	ResponseEntity<byte[]> pastEnd(HttpServletRequest request, NewsroomController.PastEndException ex) {
		return this.responses.uncached(request, 404, "site/listing.jte", ex.page);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<byte[]> methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException ex) {
		ResponseEntity<byte[]> page = errorPage(request, 405, null);
		return ResponseEntity.status(405)
			.headers(page.getHeaders())
			.header("Allow",
					String.join(", ", ex.getSupportedMethods() != null ? ex.getSupportedMethods() : new String[0]))
			.body(page.getBody());
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

	ResponseEntity<byte[]> errorPage(HttpServletRequest request, int status, String message) {
		return this.responses.uncached(request, status, "site/error.jte", this.pages.error(status, message));
	}

}
