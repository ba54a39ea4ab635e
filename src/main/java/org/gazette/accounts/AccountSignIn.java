package org.gazette.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the account for a sign-in. An account without a password yet cannot sign in.
 */
@Component
class AccountSignIn implements UserDetailsService {

	private final AccountRepository accounts;

	AccountSignIn(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		return this.accounts.credentials(AccountForms.normaliseEmail(email))
			.filter((found) -> found.passwordHash() != null)
			.map((found) -> new SignedInUser(found.account(), found.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

}
