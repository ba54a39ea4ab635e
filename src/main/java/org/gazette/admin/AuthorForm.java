package org.gazette.admin;

import org.gazette.content.Author;
import org.gazette.content.NewAuthor;

/**
 * The author form. Only these fields bind: an extra {@code id} or {@code mergedInto} in
 * the request is ignored.
 *
 * @param name name as printed in bylines
 * @param slug address of the author's page; left blank on a new author, made from the
 * name
 * @param jobTitle job title
 * @param bioMarkdown biography in Markdown
 */
public record AuthorForm(String name, String slug, String jobTitle, String bioMarkdown) {

	static final AuthorForm EMPTY = new AuthorForm("", "", "", "");

	static AuthorForm of(Author author) {
		return new AuthorForm(author.name(), author.slug(), author.jobTitle(),
				(author.bioMarkdown() != null) ? author.bioMarkdown() : "");
	}

	NewAuthor toNewAuthor(boolean suggestSlug) {
		return new NewAuthor(ProfileForms.slug(this.slug, this.name, suggestSlug), this.name, this.jobTitle,
				this.bioMarkdown);
	}

	/** What was typed, cut to a length safe to show again. */
	AuthorForm kept() {
		return new AuthorForm(ProfileForms.cut(this.name, 400), ProfileForms.cut(this.slug, 200),
				ProfileForms.cut(this.jobTitle, 400), ProfileForms.cut(this.bioMarkdown, 40_000));
	}

}
