package org.gazette.admin;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.Account;
import org.gazette.accounts.Accounts;
import org.gazette.accounts.InvalidAccountException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Choosing a first password from an invitation, and resetting a forgotten one. */
@Controller
class PasswordController {

	private final Accounts accounts;

	private final AdminChromeFactory chrome;

	PasswordController(Accounts accounts, AdminChromeFactory chrome) {
		this.accounts = accounts;
		this.chrome = chrome;
	}

	@GetMapping("/admin/set-password/{token}")
	ModelAndView setPasswordForm(HttpServletRequest request, @PathVariable String token) {
		return form(request, token, false);
	}

	@PostMapping("/admin/set-password/{token}")
	ModelAndView setPassword(HttpServletRequest request, @PathVariable String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation) {
		return submit(request, token, false, password, confirmation);
	}

	@GetMapping("/admin/reset-password/{token}")
	ModelAndView resetForm(HttpServletRequest request, @PathVariable String token) {
		return form(request, token, true);
	}

	@PostMapping("/admin/reset-password/{token}")
	ModelAndView reset(HttpServletRequest request, @PathVariable String token,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation) {
		return submit(request, token, true, password, confirmation);
	}

	@GetMapping("/admin/reset-password")
	ModelAndView requestReset(HttpServletRequest request) {
		return AdminViews.view("admin/resetRequest", new AdminPages.ResetRequestPage(
				this.chrome.chrome(request, "Reset your password", null), false, "", null));
	}

	@PostMapping("/admin/reset-password")
	ModelAndView sendReset(HttpServletRequest request, @RequestParam(defaultValue = "") String email) {
		if (email.isBlank() || email.length() > 254 || !email.contains("@")) {
			return AdminViews.view("admin/resetRequest",
					new AdminPages.ResetRequestPage(this.chrome.chrome(request, "Reset your password", null), false,
							(email.length() > 254) ? "" : email, "Enter the email address you sign in with."),
					HttpStatus.BAD_REQUEST);
		}
		this.accounts.requestPasswordReset(email, request.getRemoteAddr());
		return AdminViews.view("admin/resetRequest", new AdminPages.ResetRequestPage(
				this.chrome.chrome(request, "Check your email", null), true, email, null));
	}

	private ModelAndView form(HttpServletRequest request, String token, boolean reset) {
		Optional<Account> account = this.accounts.accountForLink(token, reset);
		if (account.isEmpty()) {
			return expired(request, reset);
		}
		return AdminViews.view("admin/setPassword", new AdminPages.SetPasswordPage(
				this.chrome.chrome(request, title(reset), null), reset, account.get(), action(token, reset), Map.of()));
	}

	private ModelAndView submit(HttpServletRequest request, String token, boolean reset, String password,
			String confirmation) {
		Optional<Account> account = this.accounts.accountForLink(token, reset);
		if (account.isEmpty()) {
			return expired(request, reset);
		}
		try {
			if (!password.equals(confirmation)) {
				this.accounts.checkPassword(password, account.get().email());
				throw new InvalidAccountException(
						Map.of("confirmation", "The two passwords are not the same. Type the same password twice."));
			}
			if (this.accounts.setPasswordByLink(token, reset, password, request.getRemoteAddr()).isEmpty()) {
				return expired(request, reset);
			}
			return new ModelAndView("redirect:" + BackOfficeSecurity.SIGN_IN + "?password-set");
		}
		catch (InvalidAccountException ex) {
			return AdminViews.view(
					"admin/setPassword", new AdminPages.SetPasswordPage(this.chrome.chrome(request, title(reset), null),
							reset, account.get(), action(token, reset), ex.fieldErrors()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	private ModelAndView expired(HttpServletRequest request, boolean reset) {
		return AdminViews.view("admin/linkExpired",
				new AdminPages.LinkExpiredPage(this.chrome.chrome(request, "This link no longer works", null), reset),
				HttpStatus.NOT_FOUND);
	}

	private static String title(boolean reset) {
		return reset ? "Choose a new password" : "Choose your password";
	}

	private static String action(String token, boolean reset) {
		return (reset ? "/admin/reset-password/" : "/admin/set-password/") + token;
	}

}
