package org.gazette.publishing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which published stories an author, a topic or a media library item appears on. */
@Repository
class ProfileChangeRepository {

	private final JdbcClient jdbc;

	ProfileChangeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Published stories crediting the author, the merged duplicate, or one merged into
	 * either.
	 */
	List<Long> creditingAuthor(long authorId, Long mergedId) {
		return this.jdbc.sql("""
				select distinct a.id from article a
				join revision_author ra on ra.revision_id = a.published_revision_id
				join author au on au.id = ra.author_id
				where au.id in (:ids) or au.merged_into_id in (:ids)
				order by a.id
				""").param("ids", ids(authorId, mergedId)).query(Long.class).list();
	}

	List<Long> aboutTopic(long topicId, Long mergedId) {
		return this.jdbc.sql("""
				select distinct a.id from article a
				join revision_topic rt on rt.revision_id = a.published_revision_id
				join topic t on t.id = rt.topic_id
				where t.id in (:ids) or t.merged_into_id in (:ids)
				order by a.id
				""").param("ids", ids(topicId, mergedId)).query(Long.class).list();
	}

	/** Stories whose published revision shows the item: hero, in the text or listed. */
	List<Long> showingMedia(long mediaId) {
		return this.jdbc.sql("""
				select distinct a.id from article a
				join revision_media m on m.revision_id = a.published_revision_id
				where m.media_id = :media
				order by a.id
				""").param("media", mediaId).query(Long.class).list();
	}

	private static List<Long> ids(long id, Long mergedId) {
		return (mergedId != null) ? List.of(id, mergedId) : List.of(id);
	}

}
