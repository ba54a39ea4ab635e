package org.gazette.content;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing the newsroom's content: byline profiles, topics, and stories as a chain of
 * immutable revisions. Making a story public is {@code Publishing}'s job.
 */
@Service
public class Content {

	private final ArticleRepository articles;

	private final RevisionRepository revisions;

	private final AuthorRepository authors;

	private final TopicRepository topics;

	private final MarkdownRenderer markdown;

	private final ContentRules rules;

	private final Clock clock;

	Content(ArticleRepository articles, RevisionRepository revisions, AuthorRepository authors, TopicRepository topics,
			MarkdownRenderer markdown, Clock clock) {
		this.articles = articles;
		this.revisions = revisions;
		this.authors = authors;
		this.topics = topics;
		this.markdown = markdown;
		this.rules = new ContentRules(authors, topics);
		this.clock = clock;
	}

	@Transactional
	public Author createAuthor(NewAuthor author) {
		NewAuthor clean = this.rules.checkNewAuthor(author);
		long id = this.authors.insert(clean, this.markdown.render(clean.bioMarkdown()), this.clock.instant());
		return this.authors.findBySlug(clean.slug()).filter((found) -> found.id() == id).orElseThrow();
	}

	@Transactional
	public Topic createTopic(NewTopic topic) {
		NewTopic clean = this.rules.checkNewTopic(topic);
		this.topics.insert(clean, this.clock.instant());
		return this.topics.findBySlug(clean.slug()).orElseThrow();
	}

	/**
	 * Creates a story with its first revision.
	 * @param slug the story's address, or null to make one from the title
	 * @param draft the first revision
	 * @param by who writes it
	 * @return the new story's id
	 */
	@Transactional
	public long createArticle(String slug, RevisionDraft draft, String by) {
		RevisionDraft clean = this.rules.checkDraft(draft);
		String chosen = (slug != null) ? this.rules.checkNewArticleSlug(slug, this.articles) : freeSlug(clean.title());
		long articleId = this.articles.insert(chosen, this.clock.instant());
		saveRevision(articleId, clean, by);
		return articleId;
	}

	/**
	 * Saves a new revision on top of a story; earlier revisions stay as they were.
	 * @return the new revision's id
	 */
	@Transactional
	public long revise(long articleId, RevisionDraft draft, String by) {
		RevisionDraft clean = this.rules.checkDraft(draft);
		this.articles.lock(articleId)
			.orElseThrow(() -> new InvalidContentException(List.of("There is no story " + articleId + ".")));
		return saveRevision(articleId, clean, by);
	}

	public Optional<Revision> revision(long revisionId) {
		return this.revisions.find(revisionId);
	}

	public Optional<Revision> workingRevision(long articleId) {
		return this.articles.workingRevisionId(articleId).flatMap(this.revisions::find);
	}

	public Optional<Long> articleIdBySlug(String slug) {
		return this.articles.idBySlug(slug);
	}

	public List<Author> authors() {
		return this.authors.findAll();
	}

	public List<Author> authors(List<Long> ids) {
		return this.authors.findByIds(ids);
	}

	public Optional<Author> authorBySlug(String slug) {
		return Slugs.isValid(slug) ? this.authors.findBySlug(slug) : Optional.empty();
	}

	public List<Topic> topics() {
		return this.topics.findAll();
	}

	public Optional<Topic> topicBySlug(String slug) {
		return Slugs.isValid(slug) ? this.topics.findBySlug(slug) : Optional.empty();
	}

	/**
	 * Whether the newsroom has any story or author yet (an empty database gets the demo).
	 */
	public boolean isEmpty() {
		return this.articles.count() == 0 && this.authors.count() == 0;
	}

	private long saveRevision(long articleId, RevisionDraft draft, String by) {
		long bodyId = this.revisions.body(draft.bodyMarkdown(), this.markdown.render(draft.bodyMarkdown()));
		int number = this.revisions.nextNumber(articleId);
		long revisionId = this.revisions.insert(articleId, number, draft, bodyId, this.clock.instant(), by);
		this.articles.pointWorkingRevision(articleId, revisionId);
		return revisionId;
	}

	private String freeSlug(String title) {
		String base = Slugs.fromTitle(title);
		String slug = base;
		for (int n = 2; this.articles.slugExists(slug); n++) {
			String suffix = "-" + n;
			slug = base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix;
		}
		return slug;
	}

}
