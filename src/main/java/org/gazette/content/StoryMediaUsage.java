package org.gazette.content;

import java.util.List;

import org.gazette.media.MediaAsset;
import org.gazette.media.MediaUsage;
import org.gazette.media.MediaUse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stories that use a library item in any revision (restoring one must bring its images
 * back): as the hero image, in the text, or as a listed document. Read from what each
 * revision recorded when it was saved, by an index on the item.
 */
@Component
class StoryMediaUsage implements MediaUsage {

	private final JdbcClient jdbc;

	StoryMediaUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<MediaUse> usesOf(MediaAsset asset) {
		return this.jdbc.sql("""
				select distinct a.id, a.working_title, m.used_as from revision_media m
				join revision r on r.id = m.revision_id
				join article a on a.id = r.article_id
				where m.media_id = :media
				order by a.id, m.used_as
				""")
			.param("media", asset.id())
			.query((rs, n) -> use(rs.getLong("id"), rs.getString("working_title"), rs.getString("used_as")))
			.list();
	}

	private static MediaUse use(long articleId, String title, String usedAs) {
		String how = switch (usedAs) {
			case "hero" -> "hero image";
			case "document" -> "listed document";
			default -> "in the text";
		};
		return new MediaUse(((title != null) ? title : "Story " + articleId) + " (" + how + ")",
				"/admin/articles/" + articleId + "/edit");
	}

}
