package org.gazette.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.SignInThrottledException;
import org.gazette.accounts.SsoProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

	static final String FAILED = "Your email address or password is not right. Check them and try again, or reset your"
			+ " password.";

	static final String SSO_FAILED = "Single sign-on did not sign you in. You may not have an account in this back office"
			+ " yet: ask your administrator to invite you.";

	private final AdminChromeFactory chrome;

	private final List<SingleSignOn.Link> singleSignOn;

	SignInController(AdminChromeFactory chrome, ObjectProvider<ClientRegistrationRepository> identityProviders,
			SsoProperties sso) {
		this.chrome = chrome;
		ClientRegistrationRepository registrations = identityProviders.getIfAvailable();
		this.singleSignOn = (registrations != null) ? SingleSignOn.links(registrations, sso.label()) : List.of();
	}

	@GetMapping(BackOfficeSecurity.SIGN_IN)
	ModelAndView signIn(HttpServletRequest request) {
		if (AdminChromeFactory.currentUser() != null) {
			return new ModelAndView("redirect:/admin");
		}
		String error = (request.getParameter("sso-failed") != null) ? SSO_FAILED : null;
		return AdminViews.view("admin/signIn", new AdminPages.SignInPage(this.chrome.chrome(request, "Sign in", null),
				"", error, notice(request), this.singleSignOn));
	}

	@PostMapping(BackOfficeSecurity.SIGN_IN + "/failed")
	ModelAndView failed(HttpServletRequest request, @RequestParam(name = "email", required = false) String email) {
		Object failure = request.getAttribute(SignInFailureHandler.FAILURE);
		if (!(failure instanceof AuthenticationException exception)) {
			return new ModelAndView("redirect:" + BackOfficeSecurity.SIGN_IN);
		}
		String typed = (email != null && email.length() <= 254) ? email : "";
		String message = FAILED;
		HttpStatus status = HttpStatus.UNAUTHORIZED;
		if (exception instanceof SignInThrottledException throttled) {
			long minutes = Math.max(1, (throttled.waitFor().toSeconds() + 59) / 60);
			message = "Too many sign-in attempts. Wait " + minutes + (minutes == 1 ? " minute" : " minutes")
					+ " and try again, or reset your password.";
			status = HttpStatus.TOO_MANY_REQUESTS;
		}
		return AdminViews.view("admin/signIn", new AdminPages.SignInPage(this.chrome.chrome(request, "Sign in", null),
				typed, message, null, this.singleSignOn), status);
	}

	private static String notice(HttpServletRequest request) {
		if (request.getParameter("signed-out") != null) {
			return "You have signed out.";
		}
		if (request.getParameter("password-set") != null) {
			return "Your password is set. Sign in with it now.";
		}
		return null;
	}

}
