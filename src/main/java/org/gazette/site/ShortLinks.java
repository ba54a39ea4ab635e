package org.gazette.site;

import java.util.List;

import org.gazette.migration.WordPressShortLinks;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Newsroom;

import org.springframework.stereotype.Component;

/**
 * Answers the short links of an imported WordPress site ({@code /?p=123},
 * {@code /?page_id=123}) with the address of the story the post became, when readers may
 * see it. Only public stories are named: a short link must not reveal a draft's address.
 */
@Component
class ShortLinks {

	private final WordPressShortLinks wordPress;

	private final Newsroom newsroom;

	private final SiteUrls urls;

	ShortLinks(WordPressShortLinks wordPress, Newsroom newsroom, SiteUrls urls) {
		this.wordPress = wordPress;
		this.newsroom = newsroom;
		this.urls = urls;
	}

	/** Whether the request is a short link rather than the home page. */
	static boolean isShortLink(String postId, String pageId) {
		return postId != null || pageId != null;
	}

	/**
	 * The story's address for a short link.
	 * @throws NotFoundException when the number is malformed, unknown, or its story is
	 * not public
	 */
	String destination(String postId, String pageId) {
		return this.wordPress.articleFor((postId != null) ? postId : pageId)
			.flatMap((id) -> this.newsroom.stories(List.of(id)).stream().findFirst())
			.map((story) -> this.urls.story(story.slug()))
			.orElseThrow(NotFoundException::new);
	}

}
