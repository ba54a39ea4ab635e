package org.gazette.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gazette.accounts.InvalidAccountException;
import org.gazette.accounts.SecondFactorSignIn;
import org.gazette.accounts.SecondFactors;
import org.gazette.accounts.SecurityKeyChallenge;
import org.gazette.accounts.SignInStage;
import org.gazette.accounts.SignedInUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Setting up and removing second factors: right after the password for someone whose role
 * needs one ({@code /admin/enrol}), and from their own account page, where every change
 * needs a recent confirmation that it is them.
 */
@Controller
class FactorsController {

	static final String FACTORS = "/admin/account/factors";

	private static final String SETUP = FactorsController.class.getName() + ".authenticator";

	private static final String CHALLENGE = FactorsController.class.getName() + ".securityKey";

	private final SecondFactors factors;

	private final SecondFactorSignIn signIn;

	private final AdminChromeFactory chrome;

	FactorsController(SecondFactors factors, SecondFactorSignIn signIn, AdminChromeFactory chrome) {
		this.factors = factors;
		this.signIn = signIn;
		this.chrome = chrome;
	}

	@GetMapping(SignInSteps.ENROL)
	ModelAndView enrol(HttpServletRequest request) {
		return enrolPage(request, true, "", Map.of(), HttpStatus.OK);
	}

	@PostMapping(SignInSteps.ENROL + "/authenticator")
	ModelAndView enrolAuthenticator(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String code) {
		return addAuthenticator(request, response, true, code);
	}

	@PostMapping(path = SignInSteps.ENROL + "/security-key/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> enrolOptions(HttpServletRequest request) {
		return options(request);
	}

	@PostMapping(SignInSteps.ENROL + "/security-key")
	ModelAndView enrolSecurityKey(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String credential) {
		return addSecurityKey(request, response, true, name, credential);
	}

	@GetMapping(FACTORS)
	ModelAndView list(HttpServletRequest request) {
		return factorsPage(request, null, Map.of(), HttpStatus.OK);
	}

	@GetMapping(FACTORS + "/new")
	ModelAndView add(HttpServletRequest request) {
		if (!confirmed()) {
			return confirmFirst(FACTORS + "/new");
		}
		request.getSession().removeAttribute(SETUP);
		return enrolPage(request, false, "", Map.of(), HttpStatus.OK);
	}

	@PostMapping(FACTORS + "/authenticator")
	ModelAndView addAuthenticator(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String code) {
		if (!confirmed()) {
			return confirmFirst(FACTORS + "/new");
		}
		return addAuthenticator(request, response, false, code);
	}

	@PostMapping(path = FACTORS + "/security-key/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> addOptions(HttpServletRequest request) {
		if (!confirmed()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body("{}");
		}
		return options(request);
	}

	@PostMapping(FACTORS + "/security-key")
	ModelAndView addSecurityKey(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String credential) {
		if (!confirmed()) {
			return confirmFirst(FACTORS + "/new");
		}
		return addSecurityKey(request, response, false, name, credential);
	}

	@PostMapping(FACTORS + "/authenticator/remove")
	ModelAndView removeAuthenticator(HttpServletRequest request) {
		if (!confirmed()) {
			return confirmFirst(FACTORS);
		}
		try {
			this.factors.removeAuthenticator(user().accountId(), request.getRemoteAddr());
			return factorsPage(request, "The authenticator app was removed.", Map.of(), HttpStatus.OK);
		}
		catch (InvalidAccountException ex) {
			return factorsPage(request, null, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(FACTORS + "/security-keys/{id}/remove")
	ModelAndView removeSecurityKey(HttpServletRequest request, @PathVariable String id) {
		if (!confirmed()) {
			return confirmFirst(FACTORS);
		}
		try {
			this.factors.removeSecurityKey(user().accountId(), id, request.getRemoteAddr());
			return factorsPage(request, "The key was removed.", Map.of(), HttpStatus.OK);
		}
		catch (InvalidAccountException ex) {
			return factorsPage(request, null, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(FACTORS + "/recovery-codes")
	ModelAndView recoveryCodes(HttpServletRequest request) {
		if (!confirmed()) {
			return confirmFirst(FACTORS);
		}
		try {
			List<String> codes = this.factors.newRecoveryCodes(user().accountId(), request.getRemoteAddr());
			return codesPage(request, codes, FACTORS);
		}
		catch (InvalidAccountException ex) {
			return factorsPage(request, null, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private ModelAndView addAuthenticator(HttpServletRequest request, HttpServletResponse response, boolean required,
			String code) {
		HttpSession session = request.getSession();
		if (!(session.getAttribute(SETUP) instanceof SecondFactors.AuthenticatorSetup setup)) {
			return enrolPage(request, required, "", Map.of("code", "Scan the new QR code and type the code again."),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		try {
			List<String> codes = this.factors.addAuthenticator(user().accountId(), setup, code,
					request.getRemoteAddr());
			session.removeAttribute(SETUP);
			return added(request, response, required, SignInStage.TOTP, codes);
		}
		catch (InvalidAccountException ex) {
			return enrolPage(request, required, "", ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private ResponseEntity<String> options(HttpServletRequest request) {
		SecurityKeyChallenge challenge = this.factors.startSecurityKey(user().accountId());
		request.getSession().setAttribute(CHALLENGE, challenge);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(challenge.optionsJson());
	}

	private ModelAndView addSecurityKey(HttpServletRequest request, HttpServletResponse response, boolean required,
			String name, String credential) {
		HttpSession session = request.getSession();
		SecurityKeyChallenge challenge = (session.getAttribute(CHALLENGE) instanceof SecurityKeyChallenge started)
				? started : null;
		try {
			List<String> codes = this.factors.addSecurityKey(user().accountId(), challenge, credential, name,
					request.getRemoteAddr());
			session.removeAttribute(CHALLENGE);
			return added(request, response, required, SignInStage.WEBAUTHN, codes);
		}
		catch (InvalidAccountException ex) {
			return enrolPage(request, required, cut(name), ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	/** A factor was added: finish the sign-in if it was required, show new codes once. */
	private ModelAndView added(HttpServletRequest request, HttpServletResponse response, boolean required,
			String factor, List<String> codes) {
		String next = FACTORS;
		if (required) {
			Authentication current = AdminChromeFactory.currentAuthentication();
			SignInSteps.signIn(request, response, current, this.signIn.enrolled(current, factor));
			next = SignInSteps.next(request, response);
		}
		if (codes.isEmpty()) {
			return new ModelAndView("redirect:" + next);
		}
		return codesPage(request, codes, next);
	}

	private ModelAndView codesPage(HttpServletRequest request, List<String> codes, String next) {
		return AdminViews.view("admin/recoveryCodes", new AdminPages.RecoveryCodesPage(
				this.chrome.chrome(request, "Save your recovery codes", "/admin/account"), codes, next));
	}

	private ModelAndView enrolPage(HttpServletRequest request, boolean required, String keyName,
			Map<String, String> errors, HttpStatus status) {
		HttpSession session = request.getSession();
		SecondFactors.AuthenticatorSetup setup = (session
			.getAttribute(SETUP) instanceof SecondFactors.AuthenticatorSetup kept) ? kept
					: this.factors.newAuthenticator(user().accountId());
		session.setAttribute(SETUP, setup);
		String title = required ? "Set up a second way to sign in" : "Add a security key or authenticator app";
		return AdminViews.view("admin/enrol",
				new AdminPages.EnrolPage(this.chrome.chrome(request, title, required ? null : "/admin/account"),
						required, setup, QrCodes.svgDataUrl(setup.uri()), required ? SignInSteps.ENROL : FACTORS,
						keyName, errors),
				status);
	}

	private ModelAndView factorsPage(HttpServletRequest request, String notice, Map<String, String> errors,
			HttpStatus status) {
		return AdminViews.view("admin/factors",
				new AdminPages.FactorsPage(this.chrome.chrome(request, "Security keys and passkeys", "/admin/account"),
						this.factors.factors(user().accountId()), confirmed(), notice, errors),
				status);
	}

	private boolean confirmed() {
		return this.signIn.recentlyConfirmed(AdminChromeFactory.currentAuthentication());
	}

	private static ModelAndView confirmFirst(String page) {
		return new ModelAndView("redirect:" + SignInSteps.CONFIRM + "?return=" + page);
	}

	private static SignedInUser user() {
		return SignInStage.user(AdminChromeFactory.currentAuthentication());
	}

	private static String cut(String typed) {
		return (typed.length() > 100) ? typed.substring(0, 100) : typed;
	}

}
