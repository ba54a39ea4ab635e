package org.gazette.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.gazette.platform.Db;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignInThrottleRepository {

	private final JdbcClient jdbc;

	SignInThrottleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Count> find(String subject) {
		return this.jdbc.sql("select failures, last_failure_at from sign_in_throttle where subject = :subject")
			.param("subject", subject)
			.query((rs, row) -> new Count(rs.getInt("failures"), Db.instant(rs, "last_failure_at")))
			.optional();
	}

	/** Counts a failure; a count whose last failure left the window starts again. */
	void addFailure(String subject, Instant now, Duration window) {
		int updated = this.jdbc.sql("""
				update sign_in_throttle
				set failures = case when last_failure_at < :windowStart then 1 else failures + 1 end,
				    first_failure_at = case when last_failure_at < :windowStart then :now else first_failure_at end,
				    last_failure_at = :now
				where subject = :subject""")
			.param("windowStart", Db.utc(now.minus(window)))
			.param("now", Db.utc(now))
			.param("subject", subject)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into sign_in_throttle (subject, failures, first_failure_at, last_failure_at)
						values (:subject, 1, :now, :now)""")
					.param("subject", subject)
					.param("now", Db.utc(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				addFailure(subject, now, window);
			}
		}
	}

	void forget(String subject) {
		this.jdbc.sql("delete from sign_in_throttle where subject = :subject").param("subject", subject).update();
	}

	record Count(int failures, Instant lastFailureAt) {
	}

}
