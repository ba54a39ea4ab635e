package org.gazette.accounts;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import org.springframework.stereotype.Component;

/**
 * {@code create-admin EMAIL [NAME]}: creates an admin account and prints its one-time
 * set-password link. There is no default account.
 */
@Component
@Command(name = "create-admin", mixinStandardHelpOptions = true,
		description = { "Create an admin account and print a one-time link (valid 3 days) to choose its password.",
				"Exit status: 0 created, 1 refused (address taken or not valid), 2 wrong command line." })
class CreateAdminCommand implements Callable<Integer> {

	private final Accounts accounts;

	@Parameters(index = "0", paramLabel = "EMAIL", description = "The admin's email address.")
	String email;

	@Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
			description = "The admin's name (default: the part of the address before the @).")
	String name;

	CreateAdminCommand(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Integer call() {
		String given = (this.name != null) ? this.name : this.email.substring(0, Math.max(this.email.indexOf('@'), 0));
		try {
			Invitation invitation = this.accounts
				.invite(new NewAccount(this.email, given.isBlank() ? this.email : given, Role.ADMIN), "command-line");
			System.out.println("Admin account created for " + invitation.account().email() + ".");
			System.out.println("Open this link within 3 days to choose a password (it works once):");
			System.out.println(invitation.setPasswordUrl());
			return 0;
		}
		catch (InvalidAccountException ex) {
			System.err.println("create-admin: " + String.join(" ", ex.fieldErrors().values()));
			return 1;
		}
	}

}
