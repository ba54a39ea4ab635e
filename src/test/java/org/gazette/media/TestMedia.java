package org.gazette.media;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;

import org.gazette.audit.TestAudit;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.util.unit.DataSize;

/**
 * The media library on a test database, wired by hand (no Spring context needed), for
 * tests of other modules that look items up. Its statements run on the caller's
 * connection as they come: it brings no transactions of its own.
 */
public final class TestMedia {

	private TestMedia() {
	}

	public static MediaLibrary library(JdbcClient jdbc, Clock clock, Path directory) {
		return new MediaLibrary(new MediaRepository(jdbc), new FormerFileRepository(jdbc),
				new DirectoryMediaStore(directory),
				new MediaProperties(directory, DataSize.ofMegabytes(20), 50_000_000, 2, Duration.ofSeconds(30)),
				new DefaultListableBeanFactory().getBeanProvider(MediaUsage.class), TestAudit.auditLog(jdbc, clock),
				(event) -> {
				}, new StatementByStatement(), new ImageWork(2, Duration.ofSeconds(30)), clock);
	}

	/** Leaves each statement to commit on its own, as the test's JdbcClient does. */
	private static final class StatementByStatement extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
