package org.gazette.site;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside Spring MVC (a malformed URL rejected by Tomcat or by the security
 * firewall, an error in a filter) still get the site's error page.
 */
@Controller
class SiteErrorController implements ErrorController {

	private final SiteErrors errors;

	SiteErrorController(SiteErrors errors) {
		this.errors = errors;
	}

	@RequestMapping("/error")
	ResponseEntity<byte[]> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : 500;
		int shown = switch (status) {
			case 400, 403, 404, 405 -> status;
			default -> (status >= 400 && status < 500) ? 400 : 500;
		};
		return this.errors.errorPage(request, shown, null);
	}

}
