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
 * The article row's workflow columns and the append-only {@code workflow_event} table.
 */
@Repository
class WorkflowRepository {

	private static final String STANDING = """
			select a.id, a.slug, a.state, a.version, a.working_revision_id, a.published_revision_id, a.release_at,
			       a.first_published_at, a.unpublished_at, a.second_approval_due,
			       w.number as working_number, w.title as working_title, w.created_by as last_author,
			       (select f.created_by from revision f where f.article_id = a.id and f.number = 1) as created_by
			from article a join revision w on w.id = a.working_revision_id
			where a.id = :id
			""";

	private final JdbcClient jdbc;

	WorkflowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ArticleStanding> standing(long articleId) {
		return this.jdbc.sql(STANDING).param("id", articleId).query(WorkflowRepository::standing).optional();
	}

	/**
	 * The standing read under the article's row lock, held to the end of the transaction.
	 */
	Optional<ArticleStanding> lock(long articleId) {
		// Lock the article row alone (PostgreSQL refuses FOR UPDATE over the outer join's
		// nullable side, and H2 locks every joined table), then read the standing.
		List<Long> locked = this.jdbc.sql("select id from article where id = :id for update")
			.param("id", articleId)
			.query(Long.class)
			.list();
		return locked.isEmpty() ? Optional.empty() : standing(articleId);
	}

	void changeState(long articleId, EditorialState state) {
		this.jdbc.sql("update article set state = :state, version = version + 1 where id = :id")
			.param("state", state.code())
			.param("id", articleId)
			.update();
	}

	void setSecondApprovalDue(long articleId, boolean due) {
		this.jdbc.sql("update article set second_approval_due = :due, version = version + 1 where id = :id")
			.param("due", due)
			.param("id", articleId)
			.update();
	}

	/**
	 * Moves stories an import has just created to their state, clearing a second
	 * approval, each write to them counted in their version as the single steps count it.
	 * @param steps how many single writes this one stands for
	 */
	void importedAll(List<Long> articleIds, EditorialState state, int steps) {
		if (articleIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update article set state = :state, second_approval_due = false, version = version + :steps
				where id in (:ids)
				""").param("state", state.code()).param("steps", steps).param("ids", articleIds).update();
	}

	/** An event for {@link #insertEvents}: the arguments of {@link #insertEvent}. */
	record NewEvent(long articleId, WorkflowAction action, EditorialState from, EditorialState to, Long revisionId,
			Instant releaseAt, String comment, String actor, Instant at) {
	}

	/** As {@link #insertEvent} for each, in order, with one statement a hundred. */
	void insertEvents(List<NewEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		RowInserts.insert(this.jdbc, """
				insert into workflow_event (article_id, action, from_state, to_state, revision_id, release_at, comment,
				                            actor, occurred_at)""", "",
				events.stream()
					.map((e) -> new Object[] { e.articleId(), e.action().code(), e.from().code(), e.to().code(),
							e.revisionId(), Db.utc(e.releaseAt()), e.comment(), e.actor(), Db.utc(e.at()) })
					.toList());
	}

	void insertEvent(long articleId, WorkflowAction action, EditorialState from, EditorialState to, Long revisionId,
			Instant releaseAt, String comment, String actor, Instant at) {
		this.jdbc.sql("""
				insert into workflow_event (article_id, action, from_state, to_state, revision_id, release_at, comment,
				                            actor, occurred_at)
				values (:article, :action, :from, :to, :revision, :release, :comment, :actor, :at)
				""")
			.param("article", articleId)
			.param("action", action.code())
			.param("from", from.code())
			.param("to", to.code())
			.param("revision", revisionId)
			.param("release", Db.utc(releaseAt))
			.param("comment", comment)
			.param("actor", actor)
			.param("at", Db.utc(at))
			.update();
	}

	List<WorkflowEvent> events(long articleId) {
		return this.jdbc.sql("""
				select e.action, e.from_state, e.to_state, r.number, e.release_at, e.comment, e.actor, e.occurred_at
				from workflow_event e left join revision r on r.id = e.revision_id
				where e.article_id = :id order by e.id
				""")
			.param("id", articleId)
			.query((rs, n) -> new WorkflowEvent(WorkflowAction.fromCode(rs.getString("action")).orElseThrow(),
					state(rs.getString("from_state")), state(rs.getString("to_state")),
					rs.getObject("number", Integer.class), Db.instant(rs, "release_at"), rs.getString("comment"),
					rs.getString("actor"), Db.instant(rs, "occurred_at")))
			.list();
	}

	/** Who last force-published the story, if anyone. */
	Optional<String> lastForcePublisher(long articleId) {
		return this.jdbc.sql("""
				select actor from workflow_event where article_id = :id and action = 'force-publish'
				order by id desc limit 1
				""").param("id", articleId).query(String.class).optional();
	}

	List<QueuedStory> inState(EditorialState state, int limit) {
		return this.jdbc.sql("""
				select id, working_title, updated_at, updated_by, release_at from article
				where state = :state order by updated_at desc, id desc limit :limit
				""").param("state", state.code()).param("limit", limit).query(WorkflowRepository::queued).list();
	}

	/** Published stories whose release instant is still to come, soonest first. */
	List<QueuedStory> scheduled(Instant now, int limit) {
		return this.jdbc.sql("""
				select id, working_title, updated_at, updated_by, release_at from article a
				where a.published_revision_id is not null and a.unpublished_at is null and a.release_at > :now
				order by a.release_at, a.id limit :limit
				""").param("now", Db.utc(now)).param("limit", limit).query(WorkflowRepository::queued).list();
	}

	List<QueuedStory> awaitingSecondApproval(int limit) {
		return this.jdbc.sql("""
				select id, working_title, updated_at, updated_by, release_at from article
				where second_approval_due order by updated_at desc, id desc limit :limit
				""").param("limit", limit).query(WorkflowRepository::queued).list();
	}

	private static QueuedStory queued(ResultSet rs, int row) throws SQLException {
		return new QueuedStory(rs.getLong("id"), rs.getString("working_title"), Db.instant(rs, "updated_at"),
				rs.getString("updated_by"), Db.instant(rs, "release_at"));
	}

	private static ArticleStanding standing(ResultSet rs, int row) throws SQLException {
		return new ArticleStanding(rs.getLong("id"), rs.getString("slug"), rs.getString("working_title"),
				state(rs.getString("state")), rs.getInt("version"), rs.getLong("working_revision_id"),
				rs.getInt("working_number"), rs.getString("last_author"), rs.getString("created_by"),
				rs.getObject("published_revision_id", Long.class), Db.instant(rs, "release_at"),
				Db.instant(rs, "first_published_at"), Db.instant(rs, "unpublished_at"),
				rs.getBoolean("second_approval_due"));
	}

	private static EditorialState state(String code) {
		return EditorialState.fromCode(code)
			.orElseThrow(() -> new IllegalStateException("Unknown editorial state " + code));
	}

}
