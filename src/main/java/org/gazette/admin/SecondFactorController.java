package org.gazette.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.accounts.InvalidAccountException;
import org.gazette.accounts.SecondFactorSignIn;
import org.gazette.accounts.SecondFactors;
import org.gazette.accounts.SignInStage;
import org.gazette.accounts.SignInThrottledException;
import org.gazette.accounts.SignedInUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The second step of signing in (a code from an authenticator app or a recovery code; a
 * security key goes through Spring Security's WebAuthn filter), and confirming it is you,
 * with password and second factor, before changing your email, password or factors.
 */
@Controller
class SecondFactorController {

	private final SecondFactorSignIn signIn;

	private final SecondFactors factors;

	private final AdminChromeFactory chrome;

	SecondFactorController(SecondFactorSignIn signIn, SecondFactors factors, AdminChromeFactory chrome) {
		this.signIn = signIn;
		this.factors = factors;
		this.chrome = chrome;
	}

	@GetMapping(SignInSteps.SECOND_FACTOR)
	ModelAndView secondFactor(HttpServletRequest request) {
		return page(request, false, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SignInSteps.SECOND_FACTOR + "/code")
	ModelAndView code(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String code) {
		return attempt(request, response, false,
				(current) -> this.signIn.withAuthenticatorCode(current, code, request.getRemoteAddr()));
	}

	@PostMapping(SignInSteps.SECOND_FACTOR + "/recovery-code")
	ModelAndView recoveryCode(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String recoveryCode) {
		return attempt(request, response, false,
				(current) -> this.signIn.withRecoveryCode(current, recoveryCode, request.getRemoteAddr()));
	}

	@GetMapping(SignInSteps.CONFIRM)
	ModelAndView confirm(HttpServletRequest request, @RequestParam(name = "return", defaultValue = "") String page) {
		SignInSteps.returnAfterConfirming(request, page);
		return page(request, true, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SignInSteps.CONFIRM + "/password")
	ModelAndView password(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String password) {
		return attempt(request, response, true,
				(current) -> this.signIn.withPassword(current, password, request.getRemoteAddr()));
	}

	@PostMapping(SignInSteps.CONFIRM + "/code")
	ModelAndView confirmCode(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String code) {
		if (!this.signIn.passwordConfirmed(AdminChromeFactory.currentAuthentication())) {
			return page(request, true, Map.of(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return attempt(request, response, true,
				(current) -> this.signIn.withAuthenticatorCode(current, code, request.getRemoteAddr()));
	}

	@PostMapping(SignInSteps.CONFIRM + "/recovery-code")
	ModelAndView confirmRecoveryCode(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String recoveryCode) {
		if (!this.signIn.passwordConfirmed(AdminChromeFactory.currentAuthentication())) {
			return page(request, true, Map.of(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return attempt(request, response, true,
				(current) -> this.signIn.withRecoveryCode(current, recoveryCode, request.getRemoteAddr()));
	}

	private ModelAndView attempt(HttpServletRequest request, HttpServletResponse response, boolean confirming,
			Step step) {
		Authentication current = AdminChromeFactory.currentAuthentication();
		try {
			Authentication after = step.prove(current);
			SignInSteps.signIn(request, response, current, after);
			if (confirming && !this.signIn.recentlyConfirmed(after)) {
				return new ModelAndView("redirect:" + SignInSteps.CONFIRM + "?return=" + returnPage(request));
			}
			return new ModelAndView("redirect:" + SignInSteps.next(request, response));
		}
		catch (InvalidAccountException ex) {
			return page(request, confirming, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (SignInThrottledException ex) {
			long minutes = Math.max(1, (ex.waitFor().toSeconds() + 59) / 60);
			return page(
					request, confirming, Map.of("code", "Too many attempts. Wait " + minutes
							+ (minutes == 1 ? " minute" : " minutes") + " and try again."),
					HttpStatus.TOO_MANY_REQUESTS);
		}
	}

	private static String returnPage(HttpServletRequest request) {
		Object page = request.getSession().getAttribute(SignInSteps.class.getName() + ".returnTo");
		return (page instanceof String path) ? path : "/admin/account";
	}

	private ModelAndView page(HttpServletRequest request, boolean confirming, Map<String, String> errors,
			HttpStatus status) {
		Authentication current = AdminChromeFactory.currentAuthentication();
		SignedInUser user = SignInStage.user(current);
		SecondFactors.Factors have = this.factors.factors(user.accountId());
		boolean askPassword = confirming && !this.signIn.passwordConfirmed(current);
		String title = confirming ? "Confirm it’s you" : "Prove it’s you";
		return AdminViews.view("admin/secondFactor",
				new AdminPages.SecondFactorPage(
						this.chrome.chrome(request, title, confirming ? "/admin/account" : null), confirming,
						askPassword, have.authenticatorApp(), !have.securityKeys().isEmpty(),
						confirming ? SignInSteps.CONFIRM : SignInSteps.SECOND_FACTOR, errors),
				status);
	}

	@FunctionalInterface
	private interface Step {

		Authentication prove(Authentication current);

	}

}
