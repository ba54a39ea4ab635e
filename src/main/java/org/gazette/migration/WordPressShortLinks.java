package org.gazette.migration;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Where a WordPress short link ({@code /?p=123}, {@code /?page_id=123}) to an imported
 * post leads: the import kept the post's number. Redirects match paths, and these links
 * differ only in their query, so the home page asks here instead.
 */
@Service
public class WordPressShortLinks {

	private final ImportRepository imports;

	WordPressShortLinks(ImportRepository imports) {
		this.imports = imports;
	}

	/**
	 * The story imported from the post with this number.
	 * @param postId the number as the link gives it, unchecked
	 * @return empty when no post with that number was imported, or when it is no number
	 * WordPress would give ({@code abc}, {@code -1}, too long)
	 */
	public Optional<Long> articleFor(String postId) {
		Long id = WxrReader.wordPressId((postId != null) ? postId.strip() : null);
		return (id != null) ? this.imports.articleByWordPressId(id) : Optional.empty();
	}

}
