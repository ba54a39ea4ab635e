package org.gazette.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The admin article list. Filters, sorts and counts on the article row alone (its copy of
 * the working revision's title, type and save, see V3__editor.sql) with an index for each
 * order, then fetches the page's bylines in one more query.
 */
@Repository
class ArticleListRepository {

	/** Topic and author ids to match, the given one and those merged into it. */
	record Criteria(ArticleFilter filter, List<Long> topicIds, List<Long> authorIds) {
	}

	// The status rule matches publishing's visibility rule (Visibility.PUBLIC_ARTICLE),
	// which content cannot import: public = published, released by now, not unpublished.
	private static final String STATUS = """
			case when a.published_revision_id is null then 'DRAFT'
			     when a.unpublished_at is not null then 'UNPUBLISHED'
			     when a.release_at > :now then 'SCHEDULED'
			     else 'PUBLISHED' end""";

	private final JdbcClient jdbc;

	ArticleListRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many articles match, counting no further than {@code limit}: a count of the
	 * first rows of an index walk, where an exact count of a large list visits every row.
	 */
	long count(Criteria criteria, Instant now, long limit) {
		if (limit > Integer.MAX_VALUE) {
			// Beyond any table this size (the merge pages ask for the last page there).
			return bind(this.jdbc.sql("select count(*) from article a" + where(criteria, true)), criteria, now)
				.query(Long.class)
				.single();
		}
		return bind(this.jdbc
			.sql("select count(*) from (select 1 from article a" + where(criteria, true) + " limit :limit) counted"),
				criteria, now)
			.param("limit", limit)
			.query(Long.class)
			.single();
	}

	List<ArticleListing> page(Criteria criteria, Instant now, int limit, long offset) {
		return page(criteria, null, null, now, limit, offset);
	}

	private List<ArticleListing> page(Criteria criteria, String savedBy, String by, Instant now, int limit,
			long offset) {
		record Row(long id, String slug, String title, ArticleType type, ArticleStatus status, Long revisionId,
				Instant updatedAt, String updatedBy, Instant releaseAt) {
		}
		String conditions = where(criteria);
		if (savedBy != null) {
			conditions = conditions.isEmpty() ? " where " + savedBy : conditions + " and " + savedBy;
		}
		String sql = "select a.id, a.slug, a.working_title, a.working_type_code, a.working_revision_id, a.updated_at,"
				+ " a.updated_by, a.release_at, " + STATUS + " as status from article a" + conditions + " order by "
				+ order(criteria.filter()) + " limit :limit offset :offset";
		JdbcClient.StatementSpec statement = bind(this.jdbc.sql(sql), criteria, now);
		if (savedBy != null) {
			statement = statement.param("by", by);
		}
		List<Row> rows = statement.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("working_title"),
					ArticleType.fromCode(rs.getString("working_type_code")).orElse(null),
					ArticleStatus.valueOf(rs.getString("status")), rs.getObject("working_revision_id", Long.class),
					Db.instant(rs, "updated_at"), rs.getString("updated_by"), Db.instant(rs, "release_at")))
			.list();
		Map<Long, List<String>> bylines = bylines(
				rows.stream().map(Row::revisionId).filter(java.util.Objects::nonNull).toList());
		return rows.stream()
			.map((row) -> new ArticleListing(row.id(), row.slug(), row.title(), row.type(), row.status(),
					bylines.getOrDefault(row.revisionId(), List.of()), row.updatedAt(), row.updatedBy(),
					row.releaseAt()))
			.toList();
	}

	/**
	 * Drafts (never published) whose latest save is by this person, most recent first.
	 * Drafts are few, so the published-revision index finds them without a scan. The
	 * draft filter makes the WHERE clause the extra condition joins.
	 */
	List<ArticleListing> draftsSavedBy(String by, int limit) {
		Criteria drafts = new Criteria(new ArticleFilter(null, null, null, null, ArticleStatus.DRAFT, null, 1),
				List.of(), List.of());
		return page(drafts, "a.updated_by = :by", by, Instant.EPOCH, limit, 0);
	}

	/** Byline names per revision, merged authors shown as their survivor, each once. */
	private Map<Long, List<String>> bylines(List<Long> revisionIds) {
		Map<Long, Set<String>> names = new LinkedHashMap<>();
		if (revisionIds.isEmpty()) {
			return Map.of();
		}
		this.jdbc.sql("""
				select ra.revision_id, coalesce(survivor.name, au.name) as name
				from revision_author ra
				join author au on au.id = ra.author_id
				left join author survivor on survivor.id = au.merged_into_id
				where ra.revision_id in (:revisions) order by ra.revision_id, ra.position
				""").param("revisions", revisionIds).query((rs) -> {
			names.computeIfAbsent(rs.getLong("revision_id"), (id) -> new LinkedHashSet<>()).add(rs.getString("name"));
		});
		Map<Long, List<String>> bylines = new LinkedHashMap<>();
		names.forEach((revision, set) -> bylines.put(revision, List.copyOf(set)));
		return bylines;
	}

	/**
	 * The working revision links to one of the given topics or authors. A page walks its
	 * order's index and stops after a page of matches, and a count stops a few pages
	 * ahead (decision 0013), so both check each article's links. {@code IN (select ...)}
	 * would first gather every link of the topic (7,327 for one topic on 100,000 stories:
	 * 50 ms of CPU on H2 for a kind and a topic, against 30-35 ms; a join would count a
	 * story linked to a topic and one merged into it twice, and its DISTINCT made
	 * PostgreSQL walk every article in id order; bench/README.md).
	 */
	private static String linked(String table, String column, String values) {
		return "exists (select 1 from " + table + " l where l.revision_id = a.working_revision_id and l." + column
				+ " in (" + values + "))";
	}

	private static String where(Criteria criteria) {
		return where(criteria, false);
	}

	private static String where(Criteria criteria, boolean counting) {
		ArticleFilter filter = criteria.filter();
		// Every committed article has a working revision (createArticle sets it in the
		// same transaction), so no condition is needed for that: an unfiltered count is
		// then the table's row count.
		List<String> conditions = new ArrayList<>();
		if (filter.title() != null) {
			conditions.add("a.title_key like lower(:title) escape '\\'");
		}
		if (filter.type() != null) {
			// A count reads the type's range of article_type_updated_idx, and so does a
			// page in last-saved order, which also orders by the type (one value here):
			// H2 walks an index in order only when it picks that index to find rows and
			// the ORDER BY starts with its columns; PostgreSQL walks article_updated_idx.
			// Either stops after a page of matches (5-8 ms for a feature story about a
			// topic on 100,000 stories, where the order without the type made PostgreSQL
			// sort every feature story: 166 ms; bench/README.md). A page in another
			// order has no index with the type: there coalesce(), a no-op (every article
			// has a type), keeps the type from driving the plan, so the page walks its
			// order's index; every kind is a tenth of the stories or more, so the walk
			// finds a page of each quickly.
			boolean typeIndex = counting || filter.sort() == ArticleSort.UPDATED;
			conditions.add(typeIndex ? "a.working_type_code = :type" : "coalesce(a.working_type_code, '') = :type");
		}
		if (filter.topicId() != null) {
			conditions.add(linked("revision_topic", "topic_id", ":topics"));
		}
		if (filter.authorId() != null) {
			conditions.add(linked("revision_author", "author_id", ":authors"));
		}
		if (filter.status() != null) {
			conditions.add(switch (filter.status()) {
				case DRAFT -> "a.published_revision_id is null";
				case UNPUBLISHED -> "a.published_revision_id is not null and a.unpublished_at is not null";
				case SCHEDULED ->
					"a.published_revision_id is not null and a.unpublished_at is null and a.release_at > :now";
				// Most stories are published: the release-instant range would match
				// nearly
				// every row, yet H2 prefers a range index to the type index. coalesce()
				// (a
				// no-op: a published story has a release instant) keeps it from driving
				// the
				// plan on either database.
				case PUBLISHED -> "a.published_revision_id is not null and a.unpublished_at is null"
						+ " and coalesce(a.release_at, :now) <= :now";
			});
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static String order(ArticleFilter filter) {
		// Each order has its index (V3__editor.sql); the id breaks ties so pages never
		// overlap. The type, when filtered by, is one value: ordering by it first
		// changes nothing but lets H2 walk article_type_updated_idx in order (where()).
		return switch (filter.sort()) {
			case UPDATED -> (filter.type() != null) ? "a.working_type_code, a.updated_at desc, a.id desc"
					: "a.updated_at desc, a.id desc";
			case TITLE -> "a.title_key, a.id";
			case RELEASE -> "a.release_at desc nulls last, a.id desc";
		};
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Criteria criteria, Instant now) {
		ArticleFilter filter = criteria.filter();
		statement = statement.param("now", Db.utc(now));
		if (filter.title() != null) {
			statement = statement.param("title", "%" + likeEscaped(filter.title()) + "%");
		}
		if (filter.type() != null) {
			statement = statement.param("type", filter.type().code());
		}
		if (filter.topicId() != null) {
			statement = statement.param("topics", criteria.topicIds());
		}
		if (filter.authorId() != null) {
			statement = statement.param("authors", criteria.authorIds());
		}
		return statement;
	}

	/** The words as a LIKE pattern matches them literally. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
