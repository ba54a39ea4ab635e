package org.gazette.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gazette.platform.Db;
import org.gazette.platform.RowInserts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The release work queue. Every change of state names the state (and, for a claimed task,
 * the node and attempt) it expects, so a node that lost its claim changes nothing.
 */
@Repository
class ReleaseTaskRepository {

	/**
	 * A due task, locked by the claiming transaction; its task carries the attempt about
	 * to start.
	 */
	record Due(ReleaseTask task, ReleaseTaskState state, int attempts, String claimedBy) {
	}

	private static final String TASK_COLUMNS = """
			id, article_id, publication_id, publication_kind, kind, due_at, state, attempts, claimed_by""";

	private final JdbcClient jdbc;

	ReleaseTaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A row for {@link #insertAll}: the arguments of {@link #insert}. */
	static Object[] row(long articleId, long publicationId, PublicationKind publicationKind, String kind, Instant dueAt,
			Instant now) {
		return new Object[] { articleId, publicationId, publicationKind.code(), kind, Db.utc(dueAt), Db.utc(dueAt),
				Db.utc(now) };
	}

	/** As {@link #insert} for each {@link #row}, in order. */
	void insertAll(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			RowInserts.insert(this.jdbc,
					"""
							insert into release_task (article_id, publication_id, publication_kind, kind, due_at, next_attempt_at,
							                          created_at)""",
					"", rows);
		}
	}

	void insert(long articleId, long publicationId, PublicationKind publicationKind, String kind, Instant dueAt,
			Instant now) {
		this.jdbc.sql("""
				insert into release_task (article_id, publication_id, publication_kind, kind, due_at, next_attempt_at,
				                          created_at)
				values (:article, :publication, :publicationKind, :kind, :due, :due, :now)
				""")
			.param("article", articleId)
			.param("publication", publicationId)
			.param("publicationKind", publicationKind.code())
			.param("kind", kind)
			.param("due", Db.utc(dueAt))
			.param("now", Db.utc(now))
			.update();
	}

	/**
	 * Skips the story's work that is not due yet: its publication will not take effect.
	 */
	int skipNotYetDue(long articleId, Instant now, String reason) {
		return this.jdbc.sql("""
				update release_task set state = 'skipped', finished_at = :now, last_error = :reason
				where article_id = :article and state = 'pending' and due_at > :now
				""").param("now", Db.utc(now)).param("reason", reason).param("article", articleId).update();
	}

	/** Moves the story's work that is not due yet to a new instant. */
	int moveNotYetDue(long articleId, Instant now, Instant due) {
		return this.jdbc.sql("""
				update release_task set due_at = :due, next_attempt_at = :due
				where article_id = :article and state = 'pending' and due_at > :now
				""").param("now", Db.utc(now)).param("due", Db.utc(due)).param("article", articleId).update();
	}

	/**
	 * A task due now: first one whose node stopped while running it (its lease ran out),
	 * else the pending one due first. Rows another node is claiming or running are
	 * skipped, not waited for. Two simple queries rather than one with OR, so each reads
	 * its own index on H2 as on PostgreSQL.
	 */
	Optional<Due> lockNextDue(Instant now) {
		Optional<Due> abandoned = lockFirst("running", "lease_until", now);
		return abandoned.isPresent() ? abandoned : lockFirst("pending", "next_attempt_at", now);
	}

	private Optional<Due> lockFirst(String state, String dueColumn, Instant now) {
		return this.jdbc
			.sql("select " + TASK_COLUMNS + " from release_task where state = :state and " + dueColumn
					+ " <= :now order by " + dueColumn + ", id limit 1 for update skip locked")
			.param("state", state)
			.param("now", Db.utc(now))
			.query((rs, n) -> new Due(task(rs, rs.getInt("attempts") + 1),
					ReleaseTaskState.fromCode(rs.getString("state")), rs.getInt("attempts"),
					rs.getString("claimed_by")))
			.optional();
	}

	boolean claim(Due due, String node, Instant leaseUntil) {
		return this.jdbc.sql("""
				update release_task set state = 'running', attempts = attempts + 1, claimed_by = :node,
				       lease_until = :lease
				where id = :id and state = :state and attempts = :attempts
				""")
			.param("node", node)
			.param("lease", Db.utc(leaseUntil))
			.param("id", due.task().id())
			.param("state", due.state().code())
			.param("attempts", due.attempts())
			.update() == 1;
	}

	/**
	 * Locks the task while this node runs it, if the node's claim still holds: no other
	 * node can take it over meanwhile, even past its lease.
	 */
	boolean lockClaimed(ReleaseTask task, String node) {
		return this.jdbc.sql("""
				select id from release_task
				where id = :id and state = 'running' and claimed_by = :node and attempts = :attempt
				for update
				""")
			.param("id", task.id())
			.param("node", node)
			.param("attempt", task.attempt())
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/** Whether the story is public now, by the one visibility rule. */
	boolean isPublic(long articleId, Instant now) {
		return this.jdbc.sql("select count(*) from article a where a.id = :id and " + Visibility.PUBLIC_ARTICLE)
			.param("id", articleId)
			.param("now", Db.utc(now))
			.query(Long.class)
			.single() > 0;
	}

	/** Ends a task this node claimed as done or skipped; false if the claim was lost. */
	boolean finish(ReleaseTask task, String node, ReleaseTaskState state, Instant now, String reason) {
		return this.jdbc.sql("""
				update release_task set state = :state, finished_at = :now, lease_until = null, last_error = :reason
				where id = :id and state = 'running' and claimed_by = :node and attempts = :attempt
				""")
			.param("state", state.code())
			.param("now", Db.utc(now))
			.param("reason", reason)
			.param("id", task.id())
			.param("node", node)
			.param("attempt", task.attempt())
			.update() == 1;
	}

	/** Puts a failed attempt back in the queue for later; false if the claim was lost. */
	boolean retryLater(ReleaseTask task, String node, Instant nextAttempt, String error) {
		return this.jdbc.sql("""
				update release_task set state = 'pending', next_attempt_at = :next, lease_until = null,
				       last_error = :error
				where id = :id and state = 'running' and claimed_by = :node and attempts = :attempt
				""")
			.param("next", Db.utc(nextAttempt))
			.param("error", error)
			.param("id", task.id())
			.param("node", node)
			.param("attempt", task.attempt())
			.update() == 1;
	}

	/** Gives up a task whose node stopped while running it, and has no attempts left. */
	void giveUp(Due due, Instant now, String reason) {
		this.jdbc.sql("""
				update release_task set state = 'failed', finished_at = :now, lease_until = null, last_error = :reason
				where id = :id and state = :state and attempts = :attempts
				""")
			.param("now", Db.utc(now))
			.param("reason", reason)
			.param("id", due.task().id())
			.param("state", due.state().code())
			.param("attempts", due.attempts())
			.update();
	}

	/**
	 * Puts a given-up task back in the queue with its attempts counted afresh; the story
	 * it was for, or empty when the task is not a failed one (done since, or unknown).
	 */
	Optional<Long> retryFailed(long id, Instant now) {
		Optional<Long> article = this.jdbc
			.sql("select article_id from release_task where id = :id and state = 'failed' for update")
			.param("id", id)
			.query(Long.class)
			.optional();
		article.ifPresent((ignored) -> this.jdbc.sql("""
				update release_task set state = 'pending', attempts = 0, next_attempt_at = :now, finished_at = null,
				claimed_by = null, lease_until = null
				where id = :id and state = 'failed'
				""").param("now", Db.utc(now)).param("id", id).update());
		return article;
	}

	/** The next instant a task becomes claimable, if any. */
	Optional<Instant> nextDue() {
		List<Instant> found = this.jdbc.sql("""
				select min(at) as at from (
				    select min(next_attempt_at) as at from release_task where state = 'pending'
				    union all
				    select min(lease_until) as at from release_task where state = 'running'
				) due
				""").query((rs, n) -> Db.instant(rs, "at")).list();
		return found.stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/** A story's work, newest publication first. */
	List<ReleaseTaskStatus> forArticle(long articleId, ReleaseTaskHandlers handlers) {
		return statuses("""
				select id, publication_id, publication_kind, kind, due_at, state, attempts, finished_at, last_error
				from release_task where article_id = :article order by publication_id desc, kind
				""", articleId, handlers);
	}

	/** The work of the story's latest publication that has any, by kind. */
	List<ReleaseTaskStatus> forLatestPublication(long articleId, ReleaseTaskHandlers handlers) {
		return statuses("""
				select id, publication_id, publication_kind, kind, due_at, state, attempts, finished_at, last_error
				from release_task where article_id = :article
				and publication_id = (select max(publication_id) from release_task where article_id = :article)
				order by kind
				""", articleId, handlers);
	}

	private List<ReleaseTaskStatus> statuses(String sql, long articleId, ReleaseTaskHandlers handlers) {
		return this.jdbc.sql(sql)
			.param("article", articleId)
			.query((rs, n) -> new ReleaseTaskStatus(rs.getLong("id"), rs.getLong("publication_id"),
					PublicationKind.fromCode(rs.getString("publication_kind")), rs.getString("kind"),
					handlers.describe(rs.getString("kind")), Db.instant(rs, "due_at"),
					ReleaseTaskState.fromCode(rs.getString("state")), rs.getInt("attempts"),
					Db.instant(rs, "finished_at"), rs.getString("last_error")))
			.list();
	}

	/** Work due before the given instant and not finished, oldest first. */
	List<OverdueReleaseTask> overdue(Instant dueBefore, int limit, ReleaseTaskHandlers handlers) {
		return this.jdbc.sql("""
				select t.id, t.article_id, a.working_title, t.kind, t.due_at, t.state, t.attempts, t.last_error
				from release_task t join article a on a.id = t.article_id
				where t.state in ('pending', 'running', 'failed') and t.due_at < :before
				order by t.due_at, t.id
				limit :limit
				""")
			.param("before", Db.utc(dueBefore))
			.param("limit", limit)
			.query((rs, n) -> new OverdueReleaseTask(rs.getLong("id"), rs.getLong("article_id"),
					rs.getString("working_title"), rs.getString("kind"), handlers.describe(rs.getString("kind")),
					Db.instant(rs, "due_at"), ReleaseTaskState.fromCode(rs.getString("state")), rs.getInt("attempts"),
					rs.getString("last_error")))
			.list();
	}

	private static ReleaseTask task(ResultSet rs, int attempts) throws SQLException {
		return new ReleaseTask(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("publication_id"),
				PublicationKind.fromCode(rs.getString("publication_kind")), rs.getString("kind"),
				Db.instant(rs, "due_at"), attempts);
	}

}
