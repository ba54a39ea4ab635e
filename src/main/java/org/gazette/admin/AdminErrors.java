package org.gazette.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.AccountNotFoundException;
import org.gazette.content.UnknownContentException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Errors inside the back office, as back-office pages. */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

	private final AdminChromeFactory chrome;

	AdminErrors(AdminChromeFactory chrome) {
		this.chrome = chrome;
	}

	@ExceptionHandler({ AdminNotFoundException.class, AccountNotFoundException.class, UnknownContentException.class })
	ModelAndView notFound(HttpServletRequest request) {
		return error(request, HttpStatus.NOT_FOUND, "Page not found",
				"There is nothing at this address. It may have been removed, or the address may be mistyped.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badRequest(HttpServletRequest request) {
		return error(request, HttpStatus.NOT_FOUND, "Page not found",
				"There is nothing at this address. Check that it was copied in full.");
	}

	/**
	 * Refused by a rule finer than the address (a contributor restoring someone else's
	 * story); the security chain has already let the request in.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden(HttpServletRequest request) {
		return error(request, HttpStatus.FORBIDDEN, "Not allowed",
				"Your role does not allow this. Ask an editor if it needs doing.");
	}

	private ModelAndView error(HttpServletRequest request, HttpStatus status, String heading, String message) {
		return AdminViews.view("admin/error", new AdminPages.AdminErrorPage(this.chrome.chrome(request, heading, null),
				status.value(), heading, message), status);
	}

}
