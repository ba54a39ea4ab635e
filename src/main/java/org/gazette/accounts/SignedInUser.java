package org.gazette.accounts;

import java.io.Serial;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in to the back office, as kept in their session (sessions live in the
 * database, hence serializable). Holds every role their role includes, so checks are
 * plain authority checks.
 */
public class SignedInUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String email;

	private final String displayName;

	private final Role role;

	private final boolean enabled;

	private String passwordHash;

	SignedInUser(Account account, String passwordHash) {
		this.accountId = account.id();
		this.email = account.email();
		this.displayName = account.displayName();
		this.role = account.role();
		this.enabled = account.enabled();
		this.passwordHash = passwordHash;
	}

	public long accountId() {
		return this.accountId;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean can(Role needed) {
		return this.role.includes(needed);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = Arrays.stream(Role.values())
			.filter(this.role::includes)
			.map((included) -> new SimpleGrantedAuthority(included.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public final boolean equals(Object other) {
		return other instanceof SignedInUser user && user.accountId == this.accountId;
	}

	@Override
	public final int hashCode() {
		return Long.hashCode(this.accountId);
	}

	@Override
	public String toString() {
		return "SignedInUser[" + this.accountId + ", " + this.role.code() + "]";
	}

}
