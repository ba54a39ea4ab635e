package org.gazette.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.accounts.Account;
import org.gazette.accounts.AccountSessions;
import org.gazette.accounts.Accounts;
import org.gazette.accounts.InvalidAccountException;
import org.gazette.accounts.SecondFactorSignIn;
import org.gazette.accounts.SecondFactors;
import org.gazette.accounts.SignedInUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A person's own account: change password or email (after confirming it is them), see
 * their second factors, sign out on every other device.
 */
@Controller
class MyAccountController {

	static final String ACCOUNT = "/admin/account";

	private final Accounts accounts;

	private final SecondFactors factors;

	private final SecondFactorSignIn signIn;

	private final AccountSessions sessions;

	private final AdminChromeFactory chrome;

	MyAccountController(Accounts accounts, SecondFactors factors, SecondFactorSignIn signIn, AccountSessions sessions,
			AdminChromeFactory chrome) {
		this.accounts = accounts;
		this.factors = factors;
		this.signIn = signIn;
		this.sessions = sessions;
		this.chrome = chrome;
	}

	@GetMapping(ACCOUNT)
	ModelAndView show(HttpServletRequest request) {
		return page(request, "", null, Map.of(), HttpStatus.OK);
	}

	@PostMapping(ACCOUNT + "/password")
	ModelAndView password(HttpServletRequest request, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation) {
		if (!confirmed()) {
			return confirmFirst();
		}
		try {
			this.accounts.changePassword(user().accountId(), current, password, confirmation,
					request.getSession().getId(), request.getRemoteAddr());
			return page(request, "", "Your password is changed. You were signed out on your other devices.", Map.of(),
					HttpStatus.OK);
		}
		catch (InvalidAccountException ex) {
			return page(request, "", null, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(ACCOUNT + "/email")
	ModelAndView email(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String email) {
		if (!confirmed()) {
			return confirmFirst();
		}
		try {
			Account changed = this.accounts.changeEmail(user().accountId(), email, request.getSession().getId(),
					request.getRemoteAddr());
			Authentication current = AdminChromeFactory.currentAuthentication();
			SignInSteps.signIn(request, response, current, this.signIn.refreshed(current));
			return page(request, "",
					"Your email address is now " + changed.email() + ". We told both the old and the new address.",
					Map.of(), HttpStatus.OK);
		}
		catch (InvalidAccountException ex) {
			return page(request, (email.length() > 254) ? "" : email, null, ex.fieldErrors(),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(ACCOUNT + "/sessions")
	ModelAndView endOtherSessions(HttpServletRequest request) {
		int ended = this.accounts.endSessions(user().accountId(), user().email(), request.getSession().getId());
		return page(request, "", "Signed out on " + ended + (ended == 1 ? " other device." : " other devices."),
				Map.of(), HttpStatus.OK);
	}

	private ModelAndView page(HttpServletRequest request, String email, String notice, Map<String, String> errors,
			HttpStatus status) {
		SignedInUser user = user();
		Account account = this.accounts.find(user.accountId()).orElseThrow(AdminNotFoundException::new);
		return AdminViews.view("admin/myAccount",
				new AdminPages.MyAccountPage(this.chrome.chrome(request, "My account", ACCOUNT), account,
						this.factors.factors(user.accountId()), confirmed(), this.sessions.count(account.email()),
						email, notice, errors),
				status);
	}

	private boolean confirmed() {
		return this.signIn.recentlyConfirmed(AdminChromeFactory.currentAuthentication());
	}

	private static ModelAndView confirmFirst() {
		return new ModelAndView("redirect:" + SignInSteps.CONFIRM + "?return=" + ACCOUNT);
	}

	private static SignedInUser user() {
		return AdminChromeFactory.currentUser();
	}

}
