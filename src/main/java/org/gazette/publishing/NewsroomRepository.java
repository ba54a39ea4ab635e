package org.gazette.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gazette.content.ArticleType;
import org.gazette.platform.Db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Public reads. Every query here filters with {@link Visibility#PUBLIC_ARTICLE} and reads
 * the published revision, never the working one. Listings take a page of ids from the
 * release-order index first, then fetch those rows and their bylines in two more queries
 * (no N+1).
 */
@Repository
class NewsroomRepository {

	private final JdbcClient jdbc;

	NewsroomRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Long> pageOfIds(StoryQuery query, Instant now, int limit, long offset) {
		var statement = this.jdbc
			.sql("select a.id from article a" + where(query)
					+ " order by a.release_at desc, a.id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset);
		return bind(statement, query, now).query(Long.class).list();
	}

	/**
	 * Every public story with what listings select on, newest first (see
	 * {@link Listings}): three scans in all, whatever the number of listings built from
	 * them.
	 */
	Listings listings(Instant now) {
		record Story(long id, long revisionId, Instant releaseAt, ArticleType type) {
		}
		List<Story> stories = this.jdbc.sql("""
				select a.id, a.published_revision_id, a.release_at, r.type_code
				from article a join revision r on r.id = a.published_revision_id
				where\s""" + Visibility.PUBLIC_ARTICLE + " order by a.release_at desc, a.id desc")
			.param("now", Db.utc(now))
			.query((rs, n) -> new Story(rs.getLong("id"), rs.getLong("published_revision_id"),
					Db.instant(rs, "release_at"), type(rs)))
			.list();
		// A story filed under a topic merged into another shows in both listings, as the
		// filter in where(StoryQuery) has it.
		Map<Long, Set<Long>> topics = filedUnder("""
				select rt.revision_id, t.id, t.merged_into_id from revision_topic rt
				join topic t on t.id = rt.topic_id
				join article a on a.published_revision_id = rt.revision_id
				where\s""" + Visibility.PUBLIC_ARTICLE, now);
		Map<Long, Set<Long>> authors = filedUnder("""
				select ra.revision_id, au.id, au.merged_into_id from revision_author ra
				join author au on au.id = ra.author_id
				join article a on a.published_revision_id = ra.revision_id
				where\s""" + Visibility.PUBLIC_ARTICLE, now);
		List<Listings.Row> rows = new ArrayList<>(stories.size());
		for (Story story : stories) {
			rows.add(new Listings.Row(story.id(), story.releaseAt(), story.type(),
					topics.getOrDefault(story.revisionId(), Set.of()),
					authors.getOrDefault(story.revisionId(), Set.of())));
		}
		return new Listings(rows);
	}

	/** Revision id to the ids (own and merged-into) that the query's rows name. */
	private Map<Long, Set<Long>> filedUnder(String sql, Instant now) {
		Map<Long, Set<Long>> filed = new HashMap<>();
		this.jdbc.sql(sql).param("now", Db.utc(now)).query((rs) -> {
			Set<Long> ids = filed.computeIfAbsent(rs.getLong(1), (id) -> new HashSet<>());
			ids.add(rs.getLong(2));
			long mergedInto = rs.getLong(3);
			if (!rs.wasNull()) {
				ids.add(mergedInto);
			}
		});
		return filed;
	}

	/**
	 * Ids in release order (newest first) strictly after the given position, for keyset
	 * pagination: a page does not shift when stories are published above it.
	 */
	List<Long> idsAfter(StoryQuery query, Instant now, StoryPosition after, int limit) {
		String keyset = (after != null)
				? " and (a.release_at < :afterAt or (a.release_at = :afterAt and a.id < :afterId))" : "";
		var statement = this.jdbc
			.sql("select a.id from article a" + where(query) + keyset
					+ " order by a.release_at desc, a.id desc limit :limit")
			.param("limit", limit);
		if (after != null) {
			statement = statement.param("afterAt", Db.utc(after.releaseAt())).param("afterId", after.id());
		}
		return bind(statement, query, now).query(Long.class).list();
	}

	/** Addresses and dates of public stories in id order, for sitemaps. */
	List<PublicStamp> stamps(Instant now, long offset, int limit) {
		return this.jdbc
			.sql("select a.id, a.slug, a.release_at, a.last_public_update_at from article a where "
					+ Visibility.PUBLIC_ARTICLE + " order by a.id limit :limit offset :offset")
			.param("now", Db.utc(now))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new PublicStamp(rs.getLong("id"), rs.getString("slug"), Db.instant(rs, "release_at"),
					Db.instant(rs, "last_public_update_at")))
			.list();
	}

	/** The newest public change, for the Last-Modified of what lists every story. */
	Optional<Instant> lastPublicUpdate(Instant now) {
		return this.jdbc
			.sql("select max(coalesce(a.last_public_update_at, a.release_at)) as at from article a where "
					+ Visibility.PUBLIC_ARTICLE)
			.param("now", Db.utc(now))
			.query((rs, n) -> Db.instant(rs, "at"))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	long count(StoryQuery query, Instant now) {
		return bind(this.jdbc.sql("select count(*) from article a" + where(query)), query, now).query(Long.class)
			.single();
	}

	List<StoryCard> cards(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Row(long id, long revisionId, String slug, ArticleType type, String title, String summary,
				Instant releaseAt, Instant updatedAt) {
		}
		List<Row> rows = this.jdbc.sql("""
				select a.id, a.published_revision_id, a.slug, a.release_at, a.last_public_update_at,
				       r.type_code, r.title, r.summary
				from article a join revision r on r.id = a.published_revision_id
				where a.id in (:ids)
				""")
			.param("ids", ids)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("published_revision_id"), rs.getString("slug"),
					type(rs), rs.getString("title"), rs.getString("summary"), Db.instant(rs, "release_at"),
					Db.instant(rs, "last_public_update_at")))
			.list();
		Map<Long, List<Byline>> bylines = bylines(rows.stream().map(Row::revisionId).toList());
		List<StoryCard> cards = new ArrayList<>();
		for (Row row : rows) {
			cards.add(new StoryCard(row.id(), row.slug(), row.type(), row.title(), row.summary(), row.releaseAt(),
					row.updatedAt(), bylines.getOrDefault(row.revisionId(), List.of())));
		}
		Map<Long, Integer> order = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			order.putIfAbsent(ids.get(i), i);
		}
		cards.sort(Comparator.comparing((StoryCard card) -> order.get(card.id())));
		return cards;
	}

	Optional<PublicStory> story(String slug, Instant now) {
		return stories("a.language = 'en' and a.slug = :slug and " + Visibility.PUBLIC_ARTICLE, "slug", slug, now)
			.stream()
			.findFirst();
	}

	/**
	 * The story's published revision whether or not it is public: only for the explicit
	 * read paths that need it (a withdrawn story's page).
	 */
	Optional<PublicStory> publishedStory(long articleId, Instant now) {
		return stories("a.id = :id", "id", articleId, now).stream().findFirst();
	}

	/** The given stories as their pages show them; those not public now are left out. */
	List<PublicStory> stories(List<Long> ids, Instant now) {
		return ids.isEmpty() ? List.of() : stories("a.id in (:ids) and " + Visibility.PUBLIC_ARTICLE, "ids", ids, now);
	}

	private List<PublicStory> stories(String condition, String name, Object value, Instant now) {
		record Row(long id, long revisionId, String slug, ArticleType type, String title, String summary,
				String dateline, String html, Instant releaseAt, Instant updatedAt, Instant firstPublishedAt,
				Long heroMediaId) {
		}
		List<Row> rows = this.jdbc.sql("""
				select a.id, a.published_revision_id, a.slug, a.release_at, a.last_public_update_at,
				       a.first_published_at, r.type_code, r.title, r.summary, r.dateline, r.hero_media_id, b.html
				from article a
				join revision r on r.id = a.published_revision_id
				join revision_body b on b.id = r.body_id
				where\s""" + condition + " order by a.id")
			.param(name, value)
			.param("now", Db.utc(now))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("published_revision_id"), rs.getString("slug"),
					type(rs), rs.getString("title"), rs.getString("summary"), rs.getString("dateline"),
					rs.getString("html"), Db.instant(rs, "release_at"), Db.instant(rs, "last_public_update_at"),
					Db.instant(rs, "first_published_at"), rs.getObject("hero_media_id", Long.class)))
			.list();
		List<Long> revisions = rows.stream().map(Row::revisionId).toList();
		Map<Long, List<Byline>> bylines = bylines(revisions);
		Map<Long, List<TopicLink>> topics = topics(revisions);
		Map<Long, List<Long>> documents = documents(revisions);
		Map<Long, List<Publication>> publications = publications(rows.stream().map(Row::id).toList());
		return rows.stream().map((row) -> {
			Instant firstRelease = (row.firstPublishedAt() != null) ? row.firstPublishedAt() : row.releaseAt();
			return new PublicStory(row.id(), row.slug(), row.type(), row.title(), row.summary(), row.dateline(),
					row.html(), row.releaseAt(), row.updatedAt(), bylines.getOrDefault(row.revisionId(), List.of()),
					topics.getOrDefault(row.revisionId(), List.of()),
					updates(publications.getOrDefault(row.id(), List.of()), firstRelease, now), row.heroMediaId(),
					documents.getOrDefault(row.revisionId(), List.of()));
		}).toList();
	}

	/** The documents each revision lists, in order, by revision. */
	private Map<Long, List<Long>> documents(List<Long> revisionIds) {
		Map<Long, List<Long>> documents = new java.util.HashMap<>();
		if (revisionIds.isEmpty()) {
			return documents;
		}
		this.jdbc.sql("""
				select revision_id, media_id from revision_media
				where revision_id in (:revisions) and used_as = 'document'
				order by revision_id, list_order
				""").param("revisions", revisionIds).query((rs) -> {
			documents.computeIfAbsent(rs.getLong("revision_id"), (id) -> new java.util.ArrayList<>())
				.add(rs.getLong("media_id"));
		});
		return documents;
	}

	/** A publication of a story, as its change history needs it. */
	private record Publication(long id, Instant publishedAt, boolean major, String note) {
	}

	/**
	 * Every publication of the given stories, by story: one query for a whole batch of
	 * story pages rather than one per story.
	 */
	private Map<Long, List<Publication>> publications(List<Long> articleIds) {
		Map<Long, List<Publication>> publications = new HashMap<>();
		if (articleIds.isEmpty()) {
			return publications;
		}
		this.jdbc.sql("""
				select p.article_id, p.id, p.published_at, p.change_kind, p.change_note from publication p
				where p.article_id in (:ids)
				""").param("ids", articleIds).query((rs) -> {
			publications.computeIfAbsent(rs.getLong("article_id"), (id) -> new ArrayList<>())
				.add(new Publication(rs.getLong("id"), Db.instant(rs, "published_at"),
						"major".equals(rs.getString("change_kind")), blankToNull(rs.getString("change_note"))));
		});
		return publications;
	}

	/**
	 * The story's major updates readers saw, newest first: publications after the first
	 * one, made once the story had been released, and not in the future. A publication
	 * before release (a schedule changed) was never an update to readers.
	 */
	private static List<StoryUpdate> updates(List<Publication> publications, Instant firstRelease, Instant now) {
		long first = publications.stream().mapToLong(Publication::id).min().orElse(Long.MAX_VALUE);
		return publications.stream()
			.filter((p) -> p.major() && p.publishedAt().isAfter(firstRelease) && !p.publishedAt().isAfter(now)
					&& p.id() > first)
			.sorted(Comparator.comparing(Publication::publishedAt).thenComparing(Publication::id).reversed())
			.map((p) -> new StoryUpdate(p.publishedAt(), p.note()))
			.toList();
	}

	/** What an article's address needs to know of it, public or not. */
	record Address(long id, String slug, Long publishedRevisionId, Instant releaseAt, Instant unpublishedAt) {
	}

	Optional<Address> address(String slug) {
		return this.jdbc.sql("""
				select id, slug, published_revision_id, release_at, unpublished_at from article
				where language = 'en' and slug = :slug
				""").param("slug", slug).query((rs, n) -> address(rs)).optional();
	}

	Optional<Address> address(long articleId) {
		return this.jdbc
			.sql("select id, slug, published_revision_id, release_at, unpublished_at from article where id = :id")
			.param("id", articleId)
			.query((rs, n) -> address(rs))
			.optional();
	}

	/**
	 * The addresses that may answer a departure: those of stories taken down (or called
	 * off) and every former slug; {@link Departures} decides what each answers.
	 */
	List<String> departedSlugs() {
		return this.jdbc.sql("""
				select slug from article
				where language = 'en' and unpublished_at is not null and published_revision_id is not null
				union
				select slug from article_slug_history where language = 'en'
				""").query(String.class).list();
	}

	/** The story that had this address before its slug changed. */
	Optional<Long> idByFormerSlug(String slug) {
		return this.jdbc.sql("select article_id from article_slug_history where language = 'en' and slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
	}

	private static Address address(ResultSet rs) throws SQLException {
		return new Address(rs.getLong("id"), rs.getString("slug"), rs.getObject("published_revision_id", Long.class),
				Db.instant(rs, "release_at"), Db.instant(rs, "unpublished_at"));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * Published stories that are not unpublished, whatever their release instant, in id
	 * order after the given id; for building a search index in batches.
	 */
	List<IndexableStory> indexable(long afterId, int limit) {
		return indexable("a.id > :after order by a.id limit :limit", afterId, limit, List.of());
	}

	/**
	 * The given articles as a search index takes them; those not published are left out.
	 */
	List<IndexableStory> indexable(List<Long> ids) {
		return ids.isEmpty() ? List.of() : indexable("a.id in (:ids)", 0, ids.size(), ids);
	}

	private List<IndexableStory> indexable(String condition, long afterId, int limit, List<Long> ids) {
		record Row(long id, long revisionId, String slug, ArticleType type, String title, String summary, String html,
				Instant releaseAt, Instant updatedAt) {
		}
		var statement = this.jdbc.sql("""
				select a.id, a.published_revision_id, a.slug, a.release_at, a.last_public_update_at,
				       r.type_code, r.title, r.summary, b.html
				from article a
				join revision r on r.id = a.published_revision_id
				join revision_body b on b.id = r.body_id
				where a.published_revision_id is not null and a.unpublished_at is null
				""" + " and " + condition).param("after", afterId).param("limit", limit);
		if (!ids.isEmpty()) {
			statement = statement.param("ids", ids);
		}
		List<Row> rows = statement
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("published_revision_id"), rs.getString("slug"),
					type(rs), rs.getString("title"), rs.getString("summary"), rs.getString("html"),
					Db.instant(rs, "release_at"), Db.instant(rs, "last_public_update_at")))
			.list();
		List<Long> revisions = rows.stream().map(Row::revisionId).toList();
		Map<Long, List<Byline>> bylines = bylines(revisions);
		Map<Long, List<TopicLink>> topics = topics(revisions);
		return rows.stream()
			.map((row) -> new IndexableStory(row.id(), row.slug(), row.type(), row.title(), row.summary(), row.html(),
					row.releaseAt(), row.updatedAt(), bylines.getOrDefault(row.revisionId(), List.of()),
					topics.getOrDefault(row.revisionId(), List.of())))
			.toList();
	}

	/**
	 * The revisions' topics as public pages list them; preview links show them the same
	 * way.
	 */
	Map<Long, List<TopicLink>> topics(List<Long> revisionIds) {
		Map<Long, List<TopicLink>> topics = new LinkedHashMap<>();
		if (revisionIds.isEmpty()) {
			return topics;
		}
		// A topic merged into another reads as the survivor, once.
		this.jdbc.sql("""
				select rt.revision_id, t.name, t.slug
				from revision_topic rt
				join topic credited on credited.id = rt.topic_id
				join topic t on t.id = coalesce(credited.merged_into_id, credited.id)
				where rt.revision_id in (:revisions) order by rt.revision_id, t.name
				""").param("revisions", revisionIds).query((rs) -> {
			List<TopicLink> links = topics.computeIfAbsent(rs.getLong("revision_id"), (id) -> new ArrayList<>());
			TopicLink link = new TopicLink(rs.getString("name"), rs.getString("slug"));
			if (!links.contains(link)) {
				links.add(link);
			}
		});
		return topics;
	}

	/**
	 * The first release instant after now, of a story already published but still
	 * embargoed.
	 */
	Optional<Instant> nextRelease(Instant now) {
		return this.jdbc.sql("""
				select min(a.release_at) as release_at from article a
				where a.published_revision_id is not null and a.unpublished_at is null and a.release_at > :now
				""").param("now", Db.utc(now)).query((rs, n) -> Db.instant(rs, "release_at")).optional();
	}

	/**
	 * The first and last release instants of public stories, or empty when there are
	 * none.
	 */
	Optional<ReleaseSpan> releaseSpan(Instant now) {
		return this.jdbc
			.sql("select min(a.release_at) as first_at, max(a.release_at) as last_at from article a where "
					+ Visibility.PUBLIC_ARTICLE)
			.param("now", Db.utc(now))
			.query((rs, n) -> new ReleaseSpan(Db.instant(rs, "first_at"), Db.instant(rs, "last_at")))
			.optional()
			.filter((span) -> span.first() != null);
	}

	/**
	 * The revisions' bylines as public pages print them; preview links show them the same
	 * way.
	 */
	Map<Long, List<Byline>> bylines(List<Long> revisionIds) {
		Map<Long, List<Byline>> bylines = new LinkedHashMap<>();
		if (revisionIds.isEmpty()) {
			return bylines;
		}
		// An author merged into another is credited as the survivor, once, in the first
		// place either held.
		this.jdbc.sql("""
				select ra.revision_id, au.name, au.slug
				from revision_author ra
				join author credited on credited.id = ra.author_id
				join author au on au.id = coalesce(credited.merged_into_id, credited.id)
				where ra.revision_id in (:revisions) order by ra.revision_id, ra.position
				""").param("revisions", revisionIds).query((rs) -> {
			List<Byline> names = bylines.computeIfAbsent(rs.getLong("revision_id"), (id) -> new ArrayList<>());
			Byline byline = new Byline(rs.getString("name"), rs.getString("slug"));
			if (!names.contains(byline)) {
				names.add(byline);
			}
		});
		return bylines;
	}

	private static String where(StoryQuery query) {
		StringBuilder sql = new StringBuilder();
		if (query.type() != null) {
			sql.append(" join revision r on r.id = a.published_revision_id");
		}
		sql.append(" where ").append(Visibility.PUBLIC_ARTICLE);
		if (query.type() != null) {
			sql.append(" and r.type_code = :type");
		}
		if (query.topicId() != null) {
			// The topic, and any merged into it.
			sql.append(" and exists (select 1 from revision_topic rt where rt.revision_id = a.published_revision_id"
					+ " and rt.topic_id in (select t.id from topic t where t.id = :topic or t.merged_into_id = :topic))");
		}
		if (query.authorId() != null) {
			// The author, and any merged into it.
			sql.append(" and exists (select 1 from revision_author ra where ra.revision_id = a.published_revision_id"
					+ " and ra.author_id in (select au.id from author au"
					+ " where au.id = :author or au.merged_into_id = :author))");
		}
		if (query.releasedFrom() != null) {
			sql.append(" and a.release_at >= :from");
		}
		if (query.releasedBefore() != null) {
			sql.append(" and a.release_at < :before");
		}
		return sql.toString();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, StoryQuery query, Instant now) {
		statement = statement.param("now", Db.utc(now));
		if (query.type() != null) {
			statement = statement.param("type", query.type().code());
		}
		if (query.topicId() != null) {
			statement = statement.param("topic", query.topicId());
		}
		if (query.authorId() != null) {
			statement = statement.param("author", query.authorId());
		}
		if (query.releasedFrom() != null) {
			statement = statement.param("from", Db.utc(query.releasedFrom()));
		}
		if (query.releasedBefore() != null) {
			statement = statement.param("before", Db.utc(query.releasedBefore()));
		}
		return statement;
	}

	private static ArticleType type(ResultSet rs) throws SQLException {
		return ArticleType.fromCode(rs.getString("type_code")).orElseThrow();
	}

}
