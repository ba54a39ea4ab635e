package org.gazette.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Authenticator apps and recovery codes, and what this module needs to read from Spring
 * Security's WebAuthn tables (which its own JDBC repositories write).
 */
@Repository
class SecondFactorRepository {

	private final JdbcClient jdbc;

	SecondFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredTotp> totp(long accountId) {
		return this.jdbc.sql("select secret, last_time_step from account_totp where account_id = :account")
			.param("account", accountId)
			.query((rs, row) -> new StoredTotp(rs.getString("secret"),
					(rs.getObject("last_time_step") != null) ? rs.getLong("last_time_step") : Long.MIN_VALUE))
			.optional();
	}

	void saveTotp(long accountId, String sealedSecret, long usedStep, Instant now) {
		this.jdbc.sql("delete from account_totp where account_id = :account").param("account", accountId).update();
		this.jdbc.sql("""
				insert into account_totp (account_id, secret, created_at, last_time_step)
				values (:account, :secret, :now, :step)""")
			.param("account", accountId)
			.param("secret", sealedSecret)
			.param("now", Db.utc(now))
			.param("step", usedStep)
			.update();
	}

	/**
	 * Records that the code of this step was used. The update is the check: of two
	 * requests with the same code, only one moves the step forward.
	 */
	boolean useTotpStep(long accountId, long step) {
		return this.jdbc.sql("""
				update account_totp set last_time_step = :step
				where account_id = :account and (last_time_step is null or last_time_step < :step)""")
			.param("step", step)
			.param("account", accountId)
			.update() == 1;
	}

	int deleteTotp(long accountId) {
		return this.jdbc.sql("delete from account_totp where account_id = :account")
			.param("account", accountId)
			.update();
	}

	void replaceRecoveryCodes(long accountId, List<String> hashes, Instant now) {
		deleteRecoveryCodes(accountId);
		for (String hash : hashes) {
			this.jdbc.sql("""
					insert into account_recovery_code (account_id, code_sha256, created_at)
					values (:account, :hash, :now)""")
				.param("account", accountId)
				.param("hash", hash)
				.param("now", Db.utc(now))
				.update();
		}
	}

	int deleteRecoveryCodes(long accountId) {
		return this.jdbc.sql("delete from account_recovery_code where account_id = :account")
			.param("account", accountId)
			.update();
	}

	/** Spends an unused code; false if it is unknown or already spent. */
	boolean useRecoveryCode(long accountId, String hash, Instant now) {
		return this.jdbc.sql("""
				update account_recovery_code set used_at = :now
				where account_id = :account and code_sha256 = :hash and used_at is null""")
			.param("now", Db.utc(now))
			.param("account", accountId)
			.param("hash", hash)
			.update() == 1;
	}

	int unusedRecoveryCodes(long accountId) {
		return this.jdbc
			.sql("select count(*) from account_recovery_code where account_id = :account and used_at is null")
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	int securityKeys(String email) {
		return this.jdbc.sql("""
				select count(*) from user_credentials c
				join user_entities u on u.id = c.user_entity_user_id
				where u.name = :email""").param("email", email).query(Integer.class).single();
	}

	/** Keeps the WebAuthn user handle with the account when its address changes. */
	void renameWebAuthnUser(String oldEmail, String newEmail) {
		this.jdbc.sql("update user_entities set name = :new, display_name = :new where name = :old")
			.param("new", newEmail)
			.param("old", oldEmail)
			.update();
	}

	int deleteSecurityKeys(String email) {
		return this.jdbc.sql("""
				delete from user_credentials where user_entity_user_id in
				(select id from user_entities where name = :email)""").param("email", email).update();
	}

	record StoredTotp(String sealedSecret, long lastTimeStep) {
	}

}
