package org.gazette.accounts;

import java.time.Instant;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links, stored as hashes of the token. */
@Repository
class OneTimeTokenRepository {

	private final JdbcClient jdbc;

	OneTimeTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long accountId, TokenPurpose purpose, String sha256, Instant now) {
		this.jdbc.sql("""
				insert into account_token (account_id, purpose, token_sha256, created_at, expires_at)
				values (:account, :purpose, :sha, :now, :expires)""")
			.param("account", accountId)
			.param("purpose", purpose.code())
			.param("sha", sha256)
			.param("now", Db.utc(now))
			.param("expires", Db.utc(now.plus(purpose.validity())))
			.update();
	}

	/**
	 * Marks the token used and returns its account, if it is unused, unexpired and for
	 * this purpose. The update is the check, so two simultaneous uses cannot both win.
	 */
	Optional<Long> consume(TokenPurpose purpose, String sha256, Instant now) {
		Optional<Long> account = this.jdbc.sql("""
				select account_id from account_token
				where token_sha256 = :sha and purpose = :purpose and used_at is null and expires_at > :now""")
			.param("sha", sha256)
			.param("purpose", purpose.code())
			.param("now", Db.utc(now))
			.query(Long.class)
			.optional();
		if (account.isEmpty()) {
			return Optional.empty();
		}
		int updated = this.jdbc
			.sql("update account_token set used_at = :now where token_sha256 = :sha and used_at is null")
			.param("now", Db.utc(now))
			.param("sha", sha256)
			.update();
		return (updated == 1) ? account : Optional.empty();
	}

	boolean isUsable(TokenPurpose purpose, String sha256, Instant now) {
		return this.jdbc.sql("""
				select count(*) from account_token
				where token_sha256 = :sha and purpose = :purpose and used_at is null and expires_at > :now""")
			.param("sha", sha256)
			.param("purpose", purpose.code())
			.param("now", Db.utc(now))
			.query(Long.class)
			.single() > 0;
	}

	Optional<Long> accountOf(String sha256) {
		return this.jdbc.sql("select account_id from account_token where token_sha256 = :sha")
			.param("sha", sha256)
			.query(Long.class)
			.optional();
	}

	/** Makes every open link of this account unusable, when a new one replaces them. */
	void revokeAll(long accountId, Instant now) {
		this.jdbc.sql("update account_token set used_at = :now where account_id = :account and used_at is null")
			.param("now", Db.utc(now))
			.param("account", accountId)
			.update();
	}

}
