package org.gazette.content;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Stories;
import org.gazette.support.TestNewsroom;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own Flyway settings ({@code db/vendor/{vendor}}) install the
 * append-only triggers, and the test reset still empties the tables.
 */
@GazetteWebTest
class AppendOnlyApplicationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Stories stories;

	@Autowired
	TestNewsroom newsroom;

	@Test
	void theApplicationsDatabaseRefusesToRewriteHistoryAndTheTestResetStillWorks() {
		this.newsroom.reset();
		this.stories.story("Kept").publish();
		assertThatThrownBy(() -> this.jdbc.sql("update revision set title = 'Rewritten'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from publication").update()).hasMessageContaining("append-only");
		this.newsroom.reset();
		assertThat(this.jdbc.sql("select count(*) from revision").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from article").query(Long.class).single()).isZero();
	}

}
