package org.gazette.content;

/**
 * Which stories the admin list shows, in which order, which page. Every criterion is
 * optional (null); they are about the working revision, the one editors see.
 *
 * @param title words the title contains (case-insensitive), or null
 * @param type only this kind
 * @param topicId only stories about this topic (or a topic merged into it)
 * @param authorId only stories by this author (or an author merged into it)
 * @param status only stories in this status
 * @param sort order; null means {@link ArticleSort#UPDATED}
 * @param page page number from 1; smaller numbers mean 1
 */
public record ArticleFilter(String title, ArticleType type, Long topicId, Long authorId, ArticleStatus status,
		ArticleSort sort, int page) {

	/** Rows on a page of the admin list. */
	public static final int PAGE_SIZE = 25;

	/**
	 * The list counts matches this many pages past the first row of the page shown, and
	 * says "more than" beyond: editors mostly read the first pages, and an exact count of
	 * thousands of matches is what cost a large list its speed (decision 0013).
	 */
	public static final int PAGES_AHEAD = 10;

	/** The first page of every story, most recently saved first. */
	public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, null, null, 1);

	public ArticleFilter {
		title = (title != null && !title.isBlank()) ? title.strip() : null;
		sort = (sort != null) ? sort : ArticleSort.UPDATED;
		page = Math.max(page, 1);
	}

	public ArticleFilter page(int page) {
		return new ArticleFilter(this.title, this.type, this.topicId, this.authorId, this.status, this.sort, page);
	}

}
