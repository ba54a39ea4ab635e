package org.gazette.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gazette.media.MediaAsset;
import org.gazette.media.MediaUsage;
import org.gazette.media.MediaUse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stories that use a library item, in any revision (restoring one must bring its images
 * back): as the hero image, or by its address in the body's Markdown.
 */
@Component
class StoryMediaUsage implements MediaUsage {

	private final JdbcClient jdbc;

	StoryMediaUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<MediaUse> usesOf(MediaAsset asset) {
		Map<Long, String> heroes = new LinkedHashMap<>();
		this.jdbc.sql("""
				select distinct a.id, a.working_title from article a join revision r on r.article_id = a.id
				where r.hero_media_id = :media order by a.id
				""").param("media", asset.id()).query((rs) -> {
			heroes.put(rs.getLong("id"), rs.getString("working_title"));
		});
		Map<Long, String> bodies = new LinkedHashMap<>();
		// The hash is hexadecimal: nothing in the pattern needs escaping.
		this.jdbc.sql("""
				select distinct a.id, a.working_title from article a join revision r on r.article_id = a.id
				join revision_body b on b.id = r.body_id
				where b.markdown like :address order by a.id
				""").param("address", "%/media/" + asset.sha256() + "%").query((rs) -> {
			bodies.put(rs.getLong("id"), rs.getString("working_title"));
		});
		List<MediaUse> uses = new ArrayList<>();
		heroes.forEach((id, title) -> uses.add(use(id, title, "hero image")));
		bodies.forEach((id, title) -> uses.add(use(id, title, "in the text")));
		return uses;
	}

	private static MediaUse use(long articleId, String title, String how) {
		return new MediaUse(((title != null) ? title : "Story " + articleId) + " (" + how + ")",
				"/admin/articles/" + articleId + "/edit");
	}

}
