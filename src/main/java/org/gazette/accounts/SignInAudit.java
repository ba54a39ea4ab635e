package org.gazette.accounts;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Writes every sign-in, failed sign-in and sign-out to the audit log. */
@Component
class SignInAudit {

	private final AuditLog audit;

	SignInAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		String details = SignInStage.awaitsSecondFactor(authentication) ? "password; second factor next"
				: SignInStage.awaitsEnrolment(authentication) ? "password; must set up a second factor" : "";
		record(authentication, "sign-in.succeeded", details);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String reason = (event.getException() instanceof SignInThrottledException) ? "throttled" : "bad credentials";
		record(event.getAuthentication(), "sign-in.failed", reason);
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		record(event.getAuthentication(), "sign-out", "");
	}

	private void record(Authentication authentication, String action, String details) {
		String actor = (authentication.getPrincipal() instanceof SignedInUser user) ? user.email()
				: AccountForms.normaliseEmail(authentication.getName());
		String client = (authentication.getDetails() instanceof WebAuthenticationDetails web) ? web.getRemoteAddress()
				: null;
		this.audit.recordAlone(new AuditRecord(actor, action, null, null, details, client));
	}

}
