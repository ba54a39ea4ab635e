package org.gazette.accounts;

import java.util.List;

import org.gazette.platform.GazetteCommand;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar gazette.jar create-admin EMAIL [NAME]}: creates an admin account and
 * prints its one-time set-password link. There is no default account.
 */
@Component
class CreateAdminCommand implements GazetteCommand {

	private final Accounts accounts;

	CreateAdminCommand(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String name() {
		return "create-admin";
	}

	@Override
	public String description() {
		return "Create an admin account: create-admin EMAIL [NAME]; prints a one-time link to set its password";
	}

	@Override
	public int run(List<String> arguments) {
		if (arguments.isEmpty() || arguments.size() > 2) {
			System.err.println("Usage: create-admin EMAIL [NAME]");
			return 2;
		}
		String email = arguments.get(0);
		String name = (arguments.size() == 2) ? arguments.get(1) : email.substring(0, Math.max(email.indexOf('@'), 0));
		try {
			Invitation invitation = this.accounts
				.invite(new NewAccount(email, name.isBlank() ? email : name, Role.ADMIN), "command-line");
			System.out.println("Admin account created for " + invitation.account().email() + ".");
			System.out.println("Open this link within 3 days to choose a password (it works once):");
			System.out.println(invitation.setPasswordUrl());
			return 0;
		}
		catch (InvalidAccountException ex) {
			System.err.println(String.join(" ", ex.fieldErrors().values()));
			return 1;
		}
	}

}
