package org.gazette.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of story a newsroom publishes: a fixed list, mirrored by the article_type
 * table.
 */
public enum ArticleType {

	NEWS_RELEASE("news-release"), FEATURE_STORY("feature-story"), ANNOUNCEMENT("announcement"), STATEMENT("statement");

	private final String code;

	ArticleType(String code) {
		this.code = code;
	}

	/** The code used in URLs ({@code ?type=news-release}) and in the database. */
	public String code() {
		return this.code;
	}

	public static Optional<ArticleType> fromCode(String code) {
		return Arrays.stream(values()).filter((type) -> type.code.equals(code)).findFirst();
	}

}
