package org.gazette.accounts;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings, bound from {@code gazette.accounts.*} or {@code GAZETTE_ACCOUNTS_*}.
 *
 * @param mfaRequiredRoles roles whose holders must use a second factor; someone with such
 * a role and no factor is sent to set one up right after their password, and can do
 * nothing else until done
 * @param secretKey a long random text used to encrypt authenticator-app secrets in the
 * database; when empty they are stored as they are (but never shown again)
 */
@ConfigurationProperties("gazette.accounts")
public record AccountsProperties(@DefaultValue( {
		"publisher", "admin" }) Set<Role> mfaRequiredRoles, @DefaultValue("") String secretKey){

	public boolean requiresMfa(Role role) {
		return this.mfaRequiredRoles.contains(role);
	}

}
