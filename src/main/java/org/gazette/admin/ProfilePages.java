package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.admin.ArticleListPages.Option;
import org.gazette.content.Author;
import org.gazette.content.Topic;

/** The view records of the author and topic pages. */
public final class ProfilePages {

	private ProfilePages() {
	}

	/**
	 * @param authors the authors in use, by name
	 * @param notice a confirmation, or null
	 */
	public record AuthorsPage(AdminChrome chrome, List<Author> authors, String notice) {
	}

	/**
	 * @param id the author, or null on the form for a new one
	 * @param form what the form shows: the saved profile or what was typed
	 * @param publicUrl the author's public page, or null for a new one
	 * @param mergedInto the name of the author this one was merged into, or null
	 * @param mergeCandidates the authors this one could be merged into
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record AuthorPage(AdminChrome chrome, Long id, AuthorForm form, String publicUrl, String mergedInto,
			List<Option> mergeCandidates, String notice, Map<String, String> errors) {
	}

	/** As {@link AuthorsPage}, for topics. */
	public record TopicsPage(AdminChrome chrome, List<Topic> topics, String notice) {
	}

	/** As {@link AuthorPage}, for topics. */
	public record TopicPage(AdminChrome chrome, Long id, TopicForm form, String publicUrl, String mergedInto,
			List<Option> mergeCandidates, String notice, Map<String, String> errors) {
	}

	/**
	 * The confirmation before merging a duplicate author or topic into another.
	 *
	 * @param kind {@code author} or {@code topic}
	 * @param section {@code /admin/authors} or {@code /admin/topics}
	 * @param id the duplicate
	 * @param name the duplicate's name
	 * @param publicUrl the duplicate's public address
	 * @param candidates the profiles it could be merged into, the chosen one selected
	 * @param intoName the chosen survivor's name, or null when none is chosen yet
	 * @param intoUrl the survivor's public address, or null
	 * @param stories how many stories' newest revisions credit the duplicate
	 * @param errors field name to message
	 */
	public record MergePage(AdminChrome chrome, String kind, String section, long id, String name, String publicUrl,
			List<Option> candidates, String intoName, String intoUrl, long stories, Map<String, String> errors) {

		public boolean chosen() {
			return this.intoName != null;
		}

		/** The chosen survivor's id, as the form sends it. */
		public String intoValue() {
			return this.candidates.stream().filter(Option::selected).map(Option::value).findFirst().orElse("");
		}

	}

}
