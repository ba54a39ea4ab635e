package org.gazette.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String COLUMNS = "id, email, display_name, role, enabled, password_hash, created_at";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewAccount account, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into account (email, display_name, role, created_at)
				values (:email, :name, :role, :now)""")
			.param("email", account.email())
			.param("name", account.displayName())
			.param("role", account.role().code())
			.param("now", Db.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	Optional<Account> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from account where id = :id")
			.param("id", id)
			.query(AccountRepository::account)
			.optional();
	}

	Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from account where email = :email")
			.param("email", email)
			.query(AccountRepository::account)
			.optional();
	}

	/** The account with its password hash, for signing in. */
	Optional<Credentials> credentials(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from account where email = :email")
			.param("email", email)
			.query((rs, row) -> new Credentials(account(rs, row), rs.getString("password_hash")))
			.optional();
	}

	List<Account> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from account order by lower(display_name), id")
			.query(AccountRepository::account)
			.list();
	}

	long countAdmins() {
		return this.jdbc.sql("select count(*) from account where role = 'admin' and enabled")
			.query(Long.class)
			.single();
	}

	void setPassword(long id, String hash, Instant now) {
		this.jdbc.sql("""
				update account set password_hash = :hash, password_changed_at = :now, version = version + 1
				where id = :id""").param("hash", hash).param("now", Db.utc(now)).param("id", id).update();
	}

	void setRole(long id, Role role) {
		this.jdbc.sql("update account set role = :role, version = version + 1 where id = :id")
			.param("role", role.code())
			.param("id", id)
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		this.jdbc.sql("update account set enabled = :enabled, version = version + 1 where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	void setEmail(long id, String email) {
		this.jdbc.sql("update account set email = :email, version = version + 1 where id = :id")
			.param("email", email)
			.param("id", id)
			.update();
	}

	void setDisplayName(long id, String name) {
		this.jdbc.sql("update account set display_name = :name, version = version + 1 where id = :id")
			.param("name", name)
			.param("id", id)
			.update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				Role.fromCode(rs.getString("role")).orElseThrow(), rs.getBoolean("enabled"),
				rs.getString("password_hash") != null, Db.instant(rs, "created_at"));
	}

	record Credentials(Account account, String passwordHash) {
	}

}
