package org.gazette.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.gazette.media.MediaLibrary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
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

	private final ArticleListRepository list;

	private final MarkdownRenderer markdown;

	private final ContentRules rules;

	private final StoryMedia media;

	private final Profiles profiles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Content(ArticleRepository articles, RevisionRepository revisions, AuthorRepository authors, TopicRepository topics,
			ArticleListRepository list, MarkdownRenderer markdown, MediaLibrary media, ApplicationEventPublisher events,
			Clock clock) {
		this.articles = articles;
		this.revisions = revisions;
		this.authors = authors;
		this.topics = topics;
		this.list = list;
		this.markdown = markdown;
		this.media = new StoryMedia(media);
		this.rules = new ContentRules(authors, topics, this.media);
		this.profiles = new Profiles(authors, topics, this.rules, markdown, events, clock);
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Author createAuthor(NewAuthor author) {
		return this.profiles.createAuthor(author);
	}

	@Transactional
	public Topic createTopic(NewTopic topic) {
		return this.profiles.createTopic(topic);
	}

	/**
	 * Changes an author's profile; bylines everywhere show the change, old revisions
	 * included, since they credit the profile, not a copy of it.
	 * @throws UnknownContentException when there is no such author
	 * @throws InvalidContentException with field problems, or when the author was merged
	 */
	@Transactional
	public Author updateAuthor(long authorId, NewAuthor changes) {
		return this.profiles.updateAuthor(authorId, changes);
	}

	/** As {@link #updateAuthor}, for a topic. */
	@Transactional
	public Topic updateTopic(long topicId, NewTopic changes) {
		return this.profiles.updateTopic(topicId, changes);
	}

	/**
	 * Merges a duplicate author into another. Revisions are not rewritten: the duplicate
	 * keeps its row and address, and every read resolves it to the survivor (bylines,
	 * filters, its address). New revisions credit the survivor.
	 * @return the survivor
	 * @throws InvalidContentException when merging into itself, from or into an author
	 * already merged
	 */
	@Transactional
	public Author mergeAuthor(long duplicateId, long survivorId) {
		return this.profiles.mergeAuthor(duplicateId, survivorId);
	}

	/** As {@link #mergeAuthor}, for topics. */
	@Transactional
	public Topic mergeTopic(long duplicateId, long survivorId) {
		return this.profiles.mergeTopic(duplicateId, survivorId);
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
		return createStory(slug, draft, by).articleId();
	}

	/**
	 * As {@link #createArticle}, saying which revision was saved: for importers, which
	 * record it to notice later edits without reading the story back.
	 */
	@Transactional
	public SavedRevision createStory(String slug, RevisionDraft draft, String by) {
		return createStory(slug, draft, null, by);
	}

	/**
	 * As {@link #createStory(String, RevisionDraft, String)}, with the body rendered
	 * ahead by {@link #render}.
	 * @param body the draft's body rendered, or null to render it here (as when it is not
	 * the draft's)
	 */
	@Transactional
	public SavedRevision createStory(String slug, RevisionDraft draft, RenderedBody body, String by) {
		// Problems with the address and the draft are refused together: one form.
		Problems problems = new Problems();
		String checked = (slug != null) ? this.rules.checkNewArticleSlug(slug, this.articles, problems) : null;
		RevisionDraft clean = this.rules.checkDraft(draft, problems);
		String chosen = (slug != null) ? checked : freeSlug(clean.title());
		long articleId;
		try {
			articleId = this.articles.insert(chosen, this.clock.instant(), by);
		}
		catch (DuplicateKeyException ex) {
			// Another story took the address between the check and this save.
			throw InvalidContentException.of("slug", "Another story already uses the address " + chosen + ".");
		}
		return saveRevision(articleId, 1, clean, body, by);
	}

	/**
	 * Creates stories as
	 * {@link #createStory(String, RevisionDraft, RenderedBody, String)} does each,
	 * writing the same rows, with a few statements for all of them instead of about a
	 * dozen each: for importers (decision 0025). A story that a save would refuse (its
	 * draft, or an address taken, by another story or by one before it in the list) is
	 * not written and gets null, so that the caller saves it alone and gets the reason.
	 * @param stories each story's address (checked, not made free) and first revision
	 * @return what was saved, in the order given, null for a story refused
	 */
	@Transactional
	public List<SavedRevision> createStories(List<NewStory> stories, String by) {
		List<RevisionDraft> clean = new ArrayList<>(stories.size());
		Set<String> taken = this.articles.takenSlugs(stories.stream().map(NewStory::slug).toList());
		ContentRules.Survivors survivors = this.rules.survivorsOf(stories.stream().map(NewStory::draft).toList());
		for (NewStory story : stories) {
			Problems problems = new Problems();
			String slug = this.rules.checkNewSlugFormat(story.slug(), problems);
			RevisionDraft checked = null;
			if (!problems.any() && story.slug().equals(slug) && taken.add(slug)) {
				try {
					checked = this.rules.checkDraft(story.draft(), problems, survivors);
				}
				catch (InvalidContentException ex) {
					checked = null;
				}
			}
			clean.add(checked);
		}
		List<Integer> accepted = IntStream.range(0, stories.size())
			.filter((i) -> clean.get(i) != null)
			.boxed()
			.toList();
		List<SavedRevision> saved = new ArrayList<>(Collections.nCopies(stories.size(), null));
		if (accepted.isEmpty()) {
			return saved;
		}
		Instant now = this.clock.instant();
		List<Long> articleIds = this.articles.insertAll(accepted.stream()
			.map((i) -> new ArticleRepository.NewArticle(stories.get(i).slug(), clean.get(i)))
			.toList(), now, by);
		List<RevisionRepository.NewRevision> revisions = new ArrayList<>(accepted.size());
		for (int n = 0; n < accepted.size(); n++) {
			RevisionDraft draft = clean.get(accepted.get(n));
			RenderedBody rendered = stories.get(accepted.get(n)).body();
			String html = (rendered != null && rendered.isOf(draft.bodyMarkdown())) ? rendered.html()
					: this.markdown.render(draft.bodyMarkdown());
			revisions.add(new RevisionRepository.NewRevision(articleIds.get(n), 1, draft, html,
					this.media.linkedFrom(draft.bodyMarkdown())));
		}
		List<Long> revisionIds = this.revisions.insertAll(revisions, now, by);
		this.articles.pointWorkingRevisions(articleIds);
		for (int n = 0; n < accepted.size(); n++) {
			saved.set(accepted.get(n), new SavedRevision(articleIds.get(n), revisionIds.get(n), 1, 1));
		}
		return saved;
	}

	/**
	 * Renders a body as a save does, without saving it: for importers, which render the
	 * next items on another thread while the last ones are saved. Touches no database.
	 * @return the rendering, or empty when a save would refuse the body (too long, or
	 * with control characters), so that the save says why
	 */
	public Optional<RenderedBody> render(String markdown) {
		String body = (markdown != null) ? markdown : "";
		if (!this.rules.isRenderable(body)) {
			return Optional.empty();
		}
		return Optional.of(new RenderedBody(body, this.markdown.render(body)));
	}

	/**
	 * Saves a new revision on top of whatever is current, without a version check: for
	 * importers and the demo, which are the only writers. Editors save with
	 * {@link #revise(long, int, RevisionDraft, String)}.
	 * @return the new revision's id
	 */
	@Transactional
	public long revise(long articleId, RevisionDraft draft, String by) {
		return revise(articleId, draft, null, by);
	}

	/**
	 * As {@link #revise(long, RevisionDraft, String)}, with the body rendered ahead by
	 * {@link #render}.
	 * @param body the draft's body rendered, or null to render it here
	 */
	@Transactional
	public long revise(long articleId, RevisionDraft draft, RenderedBody body, String by) {
		RevisionDraft clean = this.rules.checkDraft(draft);
		this.articles.lock(articleId).orElseThrow(() -> UnknownContentException.story(articleId));
		return saveRevision(articleId, this.revisions.nextNumber(articleId), clean, body, by).revisionId();
	}

	/**
	 * Saves an editor's changes as a new revision, unless someone else changed the story
	 * since the editor opened it at {@code expectedVersion}.
	 * @throws EditConflictException when the story's version moved
	 * @throws UnknownContentException when there is no such story
	 * @throws InvalidContentException with every problem, by field
	 */
	@Transactional
	public SavedRevision revise(long articleId, int expectedVersion, RevisionDraft draft, String by) {
		return revise(articleId, expectedVersion, null, draft, by);
	}

	/**
	 * As {@link #revise(long, int, RevisionDraft, String)}, also changing the story's
	 * address until it is first published (then {@link #changeSlug} does).
	 * @param slug the new address; null or the current one leaves it as it is
	 */
	@Transactional
	public SavedRevision revise(long articleId, int expectedVersion, String slug, RevisionDraft draft, String by) {
		ArticleRepository.Stored article = lockAtVersion(articleId, expectedVersion, draft);
		Problems problems = new Problems();
		boolean slugChanges = slug != null && !slug.equals(article.slug());
		if (slugChanges && article.publishedRevisionId() != null) {
			// A save goes to the working copy; a public address changes at once, so it
			// is a decision of its own.
			problems.add("slug", "A published story's address is changed on its own page, not with a save.");
		}
		else if (slugChanges) {
			this.rules.checkSlugChange(slug, articleId, this.articles, problems);
		}
		RevisionDraft clean = this.rules.checkDraft(draft, problems);
		if (slugChanges) {
			moveTo(article, slug, by);
		}
		return saveRevision(articleId, clean, by);
	}

	/**
	 * Gives the story a new address at once. Once a story has been published its old
	 * address is kept: it answers 301 to the new one, as does every earlier one, and no
	 * other story may take it. Who may do this is the caller's rule (changing a public
	 * address is a publisher's decision).
	 * @return the address it had
	 * @throws UnknownContentException when there is no such story
	 * @throws InvalidContentException when the address is malformed or taken, or is the
	 * current one
	 */
	@Transactional
	public String changeSlug(long articleId, String slug, String by) {
		ArticleRepository.Stored article = this.articles.lock(articleId)
			.orElseThrow(() -> UnknownContentException.story(articleId));
		Problems problems = new Problems();
		if (slug != null && slug.equals(article.slug())) {
			problems.add("slug", "This is already the story's address.");
		}
		else {
			this.rules.checkSlugChange(slug, articleId, this.articles, problems);
		}
		problems.refuseIfAny();
		moveTo(article, slug, by);
		return article.slug();
	}

	/**
	 * Which of these addresses a story has, or had and still redirects from: one query
	 * for an importer's whole batch instead of two per item.
	 */
	public Set<String> takenSlugs(Collection<String> slugs) {
		List<String> valid = slugs.stream().filter(Slugs::isValid).distinct().toList();
		return valid.isEmpty() ? Set.of() : this.articles.takenSlugs(valid);
	}

	/** The addresses the story had before, most recently left first. */
	public List<String> formerSlugs(long articleId) {
		return this.articles.formerSlugs(articleId);
	}

	/**
	 * The story that had this address before it moved, if any: it still answers there
	 * with a redirect.
	 */
	public Optional<Long> articleIdByFormerSlug(String slug) {
		return Slugs.isValid(slug) ? this.articles.idByFormerSlug(slug) : Optional.empty();
	}

	private void moveTo(ArticleRepository.Stored article, String slug, String by) {
		try {
			this.articles.changeSlug(article.id(), slug);
		}
		catch (DuplicateKeyException ex) {
			// Another story took the address between the check and this save.
			throw InvalidContentException.of("slug", "Another story already uses the address " + slug + ".");
		}
		if (article.publishedRevisionId() != null) {
			// Readers, search engines and other sites may know the old address.
			this.articles.keepFormerSlug(article.id(), article.slug(), this.clock.instant(), by);
			this.events.publishEvent(new ArticleMoved(article.id(), article.slug(), slug));
		}
	}

	/**
	 * Saves a copy of an earlier revision as the newest one; history stays as it was.
	 * Authors and topics merged since are credited as their survivors.
	 * @throws EditConflictException when the story's version moved
	 * @throws UnknownContentException when there is no such story or revision
	 */
	@Transactional
	public SavedRevision restore(long articleId, int revisionNumber, String by, int expectedVersion) {
		Revision old = revision(articleId, revisionNumber).orElse(null);
		lockAtVersion(articleId, expectedVersion, (old != null) ? old.toDraft() : null);
		if (old == null) {
			throw new UnknownContentException("Story " + articleId + " has no revision " + revisionNumber + ".");
		}
		RevisionDraft copy = old.toDraft().withMessage("Restored revision " + revisionNumber + ".");
		return saveRevision(articleId, this.rules.checkDraft(copy), by);
	}

	/**
	 * What a draft would look like to readers, rendered by the same renderer as a save,
	 * without saving it: for the editor's preview. Lenient, since a preview is often of
	 * unfinished work: bylines and topics that name nothing are left out, and only a body
	 * too long to render is refused.
	 * @throws InvalidContentException when the body is longer than a save would accept
	 */
	public DraftPreview preview(RevisionDraft draft) {
		String body = (draft.bodyMarkdown() != null) ? draft.bodyMarkdown() : "";
		if (body.length() > ContentRules.BODY_MAX) {
			throw InvalidContentException.of("bodyMarkdown",
					"Body is longer than " + ContentRules.BODY_MAX + " characters.");
		}
		return new DraftPreview(draft, this.markdown.render(body),
				inOrder(this.authors.findByIds(draft.authorIds()), draft.authorIds(), Author::id),
				inOrder(this.topics.findByIds(draft.topicIds()), draft.topicIds(), Topic::id));
	}

	/** The story as the editor opens it, or empty when there is none. */
	public Optional<EditableArticle> editable(long articleId) {
		return this.articles.find(articleId).map(this::editable);
	}

	/**
	 * Every revision of the story, newest first.
	 * @throws UnknownContentException when there is no such story
	 */
	public List<RevisionSummary> history(long articleId) {
		ArticleRepository.Stored article = this.articles.find(articleId)
			.orElseThrow(() -> UnknownContentException.story(articleId));
		return this.revisions.history(articleId, article.workingRevisionId(), article.publishedRevisionId());
	}

	/** A story's revision by its number, or empty. */
	public Optional<Revision> revision(long articleId, int number) {
		return this.revisions.idByNumber(articleId, number).flatMap(this.revisions::find);
	}

	/**
	 * How two revisions of a story differ, the older one first.
	 * @throws UnknownContentException when the story or either revision does not exist
	 */
	public RevisionDiff compare(long articleId, int fromNumber, int toNumber) {
		Revision from = revision(articleId, fromNumber).orElseThrow(
				() -> new UnknownContentException("Story " + articleId + " has no revision " + fromNumber + "."));
		Revision to = revision(articleId, toNumber).orElseThrow(
				() -> new UnknownContentException("Story " + articleId + " has no revision " + toNumber + "."));
		return compare(from.toDraft(), to.toDraft());
	}

	/**
	 * How two versions of a story differ, saved or not: on a conflict page, the stored
	 * working revision ({@link EditConflictException#theirs()}, as a draft) against the
	 * refused one ({@link EditConflictException#attempted()}). Bylines and topics are
	 * compared by name; ids that name nothing show as such.
	 */
	public RevisionDiff compare(RevisionDraft before, RevisionDraft after) {
		return new Comparison(this.authors, this.topics, this.media).compare(before, after);
	}

	/**
	 * One page of the admin article list.
	 */
	public ArticleList findArticles(ArticleFilter filter) {
		return findArticles(filter, ArticleFilter.PAGES_AHEAD);
	}

	/**
	 * The list, counting matches no further than {@code pagesAhead} pages from this
	 * page's first row (decision 0013): as far as the links the list offers need.
	 */
	ArticleList findArticles(ArticleFilter filter, int pagesAhead) {
		Instant now = this.clock.instant();
		var criteria = new ArticleListRepository.Criteria(filter,
				(filter.topicId() != null) ? withFallback(this.topics.withMerged(filter.topicId()), filter.topicId())
						: List.of(),
				(filter.authorId() != null)
						? withFallback(this.authors.withMerged(filter.authorId()), filter.authorId()) : List.of());
		long offset = (long) (filter.page() - 1) * ArticleFilter.PAGE_SIZE;
		long known = offset + (long) pagesAhead * ArticleFilter.PAGE_SIZE;
		// One more than is shown tells whether more follow. A count that stops short
		// of that is exact, also past the end (a typed page number; the merge pages
		// asking for the count alone), where it names the last page.
		long counted = this.list.count(criteria, now, known + 1);
		List<ArticleListing> rows = (offset < counted) ? this.list.page(criteria, now, ArticleFilter.PAGE_SIZE, offset)
				: List.of();
		boolean more = counted > known;
		return new ArticleList(rows, more ? known : counted, more, filter.page(), ArticleFilter.PAGE_SIZE);
	}

	/**
	 * Someone's drafts for their dashboard: stories never published whose latest save is
	 * theirs, most recent first.
	 */
	public List<ArticleListing> findDraftsSavedBy(String by, int limit) {
		return this.list.draftsSavedBy(by, limit);
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

	/** Authors in use, by name; those merged into others are left out. */
	public List<Author> authors() {
		return this.authors.findAll();
	}

	/** The given authors, merged ones included (old revisions credit them). */
	public List<Author> authors(List<Long> ids) {
		return this.authors.findByIds(ids);
	}

	public Optional<Author> author(long id) {
		return this.authors.find(id);
	}

	/**
	 * The author at this address; for the address of a merged duplicate or a former
	 * address (its slug changed since), the author in use now. Pages that should redirect
	 * instead use {@link #resolveAuthor(String)}.
	 */
	public Optional<Author> authorBySlug(String slug) {
		return resolveAuthor(slug).map(Resolved::value);
	}

	/** The author at this address, saying whether it moved (merged, or slug changed). */
	public Optional<Resolved<Author>> resolveAuthor(String slug) {
		return Slugs.isValid(slug) ? this.profiles.resolveAuthor(slug) : Optional.empty();
	}

	/** Topics in use, by name; those merged into others are left out. */
	public List<Topic> topics() {
		return this.topics.findAll();
	}

	public Optional<Topic> topic(long id) {
		return this.topics.find(id);
	}

	/** As {@link #authorBySlug}, for topics. */
	public Optional<Topic> topicBySlug(String slug) {
		return resolveTopic(slug).map(Resolved::value);
	}

	/** As {@link #resolveAuthor}, for topics. */
	public Optional<Resolved<Topic>> resolveTopic(String slug) {
		return Slugs.isValid(slug) ? this.profiles.resolveTopic(slug) : Optional.empty();
	}

	/**
	 * Whether the newsroom has any story or author yet (an empty database gets the demo).
	 */
	public boolean isEmpty() {
		return this.articles.count() == 0 && this.authors.count() == 0;
	}

	private ArticleRepository.Stored lockAtVersion(long articleId, int expectedVersion, RevisionDraft attempted) {
		ArticleRepository.Stored article = this.articles.lock(articleId)
			.orElseThrow(() -> UnknownContentException.story(articleId));
		if (article.version() != expectedVersion) {
			throw new EditConflictException(editable(article), expectedVersion, attempted);
		}
		return article;
	}

	private EditableArticle editable(ArticleRepository.Stored article) {
		Revision working = (article.workingRevisionId() != null)
				? this.revisions.find(article.workingRevisionId()).orElse(null) : null;
		return new EditableArticle(article.id(), article.slug(), article.state(), article.version(), working,
				article.publishedRevisionId(), article.releaseAt(), article.createdBy());
	}

	private SavedRevision saveRevision(long articleId, RevisionDraft draft, String by) {
		return saveRevision(articleId, this.revisions.nextNumber(articleId), draft, null, by);
	}

	/**
	 * @param number the revision's number: 1 for a story just created (an importer
	 * creates thousands, and need not ask)
	 */
	private SavedRevision saveRevision(long articleId, int number, RevisionDraft draft, RenderedBody rendered,
			String by) {
		Instant now = this.clock.instant();
		String html = (rendered != null && rendered.isOf(draft.bodyMarkdown())) ? rendered.html()
				: this.markdown.render(draft.bodyMarkdown());
		long bodyId = this.revisions.body(draft.bodyMarkdown(), html);
		long revisionId;
		try {
			revisionId = this.revisions.insert(articleId, number, draft, bodyId,
					this.media.linkedFrom(draft.bodyMarkdown()), now, by);
		}
		catch (DataIntegrityViolationException ex) {
			if (draft.heroMediaId() == null && draft.documentIds().isEmpty()) {
				throw ex;
			}
			// The media library's key: an item was deleted since the check.
			throw InvalidContentException.of((draft.heroMediaId() != null) ? "heroMediaId" : "documentIds",
					"An image or document of this story was deleted from the media library just now. Choose another.");
		}
		int version = this.articles.pointWorkingRevision(articleId, revisionId, draft, now, by);
		return new SavedRevision(articleId, revisionId, number, version);
	}

	private static <T> List<T> inOrder(List<T> found, List<Long> ids, java.util.function.Function<T, Long> id) {
		return ids.stream()
			.distinct()
			.flatMap((wanted) -> found.stream().filter((item) -> id.apply(item).equals(wanted)).findFirst().stream())
			.toList();
	}

	private static List<Long> withFallback(List<Long> ids, long id) {
		// An unknown id matches nothing, but still makes a valid IN list.
		return ids.isEmpty() ? List.of(id) : ids;
	}

	private String freeSlug(String title) {
		String base = Slugs.fromTitle(title);
		String slug = base;
		for (int n = 2; this.articles.slugExists(slug) || this.articles.idByFormerSlug(slug).isPresent(); n++) {
			String suffix = "-" + n;
			slug = base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix;
		}
		return slug;
	}

}
