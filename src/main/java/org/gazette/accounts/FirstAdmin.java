package org.gazette.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code GAZETTE_FIRST_ADMIN_EMAIL} when no admin exists,
 * for platforms where nobody can run a command. The set-password link goes to the console
 * once, like {@code create-admin} prints it.
 */
@Component
class FirstAdmin {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final String email;

	FirstAdmin(Accounts accounts, @Value("${gazette.first-admin-email:}") String email) {
		this.accounts = accounts;
		this.email = email;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createIfNone() {
		if (this.email.isBlank() || this.accounts.hasAdmin() || this.accounts.findByEmail(this.email).isPresent()) {
			return;
		}
		Invitation invitation = this.accounts.invite(
				new NewAccount(this.email, this.email.substring(0, Math.max(this.email.indexOf('@'), 1)), Role.ADMIN),
				"first-start");
		log.warn("First admin account created for {}. Choose its password within 3 days at {}",
				invitation.account().email(), invitation.setPasswordUrl());
	}

}
