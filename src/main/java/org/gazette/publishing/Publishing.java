package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.Revision;
import org.gazette.content.UnknownContentException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making stories public. The full editorial workflow (review, approval, two-person rule)
 * builds on these verbs; each one takes the article's row lock, records a publication and
 * appends a change event in the same transaction.
 */
@Service
public class Publishing {

	private final PublishingRepository articles;

	private final ChangeEvents changes;

	private final Content content;

	private final ReleaseWork releaseWork;

	private final TakedownRepository takedowns;

	private final TakedownRules takedownRules;

	private final Clock clock;

	Publishing(PublishingRepository articles, ChangeEvents changes, Content content, ReleaseWork releaseWork,
			TakedownRepository takedowns, NewsroomRepository stories, Clock clock) {
		this.articles = articles;
		this.changes = changes;
		this.content = content;
		this.releaseWork = releaseWork;
		this.takedowns = takedowns;
		this.takedownRules = new TakedownRules(stories);
		this.clock = clock;
	}

	/**
	 * Publishes the story's working revision.
	 * @param articleId the story
	 * @param releaseAt when readers may see it: null means now, a future instant
	 * schedules it, a past one backdates it (imported stories keep their dates). A story
	 * already released keeps its release instant.
	 */
	@Transactional
	public void publish(long articleId, Instant releaseAt) {
		publish(articleId, releaseAt, false, null);
	}

	/**
	 * Publishes an imported story's working revision with its original release instant. A
	 * release already past is recorded as {@link PublicationKind#IMPORT}, so release work
	 * meant for news (subscriber emails) is not enqueued for a story readers had years
	 * ago; a release still to come is scheduled like any other.
	 */
	@Transactional
	public void publishImported(long articleId, Instant releaseAt) {
		publish(articleId, releaseAt, true, null);
	}

	/**
	 * As {@link #publishImported(long, Instant)}, with the working revision the caller
	 * already read under the story's lock.
	 */
	@Transactional
	void publishImported(long articleId, Instant releaseAt, Revision working) {
		publish(articleId, releaseAt, true, working);
	}

	/**
	 * As {@link #publishImported(long, Instant, Revision)} for each of these stories,
	 * which an import has just created in this transaction (never public, no release work
	 * yet): the same rows, with a few statements for all of them (decision 0025).
	 * @param workflowSteps the steps the workflow moves each story's version after its
	 * publication, taken in the same row update: one update a row, not two
	 */
	@Transactional
	void publishImportedAll(List<ImportedStory> stories, int workflowSteps) {
		if (stories.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		List<Instant> releases = new ArrayList<>(stories.size());
		for (ImportedStory story : stories) {
			// A story never public: its release is the source's, its first publication
			// too.
			releases.add((story.releaseAt() != null) ? story.releaseAt() : now);
		}
		List<PublishingRepository.NewPublication> publications = new ArrayList<>(stories.size());
		for (int i = 0; i < stories.size(); i++) {
			ImportedStory story = stories.get(i);
			publications.add(new PublishingRepository.NewPublication(story.articleId(), story.revisionId(), now,
					releases.get(i), story.changeKind().name().toLowerCase(Locale.ROOT), story.changeNote()));
		}
		List<Long> publicationIds = this.articles.insertPublications(publications);
		this.articles.markPublishedAsPublications(stories.stream().map(ImportedStory::articleId).toList(),
				workflowSteps);
		List<ReleaseWork.NewWork> work = new ArrayList<>(stories.size());
		List<Map.Entry<Long, Instant>> changed = new ArrayList<>(stories.size());
		for (int i = 0; i < stories.size(); i++) {
			Instant release = releases.get(i);
			PublicationKind kind = !release.isAfter(now) ? PublicationKind.IMPORT
					: PublicationKind.of(true, stories.get(i).changeKind());
			work.add(new ReleaseWork.NewWork(stories.get(i).articleId(), publicationIds.get(i), kind, release));
			changed.add(Map.entry(stories.get(i).articleId(), release));
		}
		this.releaseWork.enqueueAll(work);
		this.changes.articlesChanged("published", changed);
	}

	private void publish(long articleId, Instant releaseAt, boolean imported, Revision working) {
		Instant now = this.clock.instant();
		PublishingRepository.ArticleState state = this.articles.lock(articleId)
			.orElseThrow(() -> new InvalidContentException(List.of("There is no story " + articleId + ".")));
		Revision revision = (working != null && Long.valueOf(working.id()).equals(state.workingRevisionId())) ? working
				: this.content.revision(state.workingRevisionId()).orElseThrow();
		boolean released = Visibility.isPublic(state.publishedRevisionId(), state.releaseAt(), state.unpublishedAt(),
				now);
		Instant release;
		if (released) {
			release = state.releaseAt();
		}
		else {
			release = (releaseAt != null) ? releaseAt : now;
		}
		Instant lastUpdate = released ? now : release;
		boolean beenPublic = released || hasBeenPublic(state, now);
		// A release that was scheduled and replaced before it came is no first
		// publication.
		Instant firstPublished = (beenPublic && state.firstPublishedAt() != null) ? state.firstPublishedAt() : release;
		this.articles.markPublished(articleId, revision.id(), release, firstPublished, lastUpdate);
		long publicationId = this.articles.insertPublication(articleId, revision.id(), now, release,
				revision.changeKind().name().toLowerCase(Locale.ROOT), revision.changeNote());
		PublicationKind kind = (imported && !lastUpdate.isAfter(now)) ? PublicationKind.IMPORT
				: PublicationKind.of(!beenPublic, revision.changeKind());
		this.releaseWork.enqueue(articleId, publicationId, kind, lastUpdate);
		this.changes.articleChanged(released ? "updated" : "published", articleId, release);
	}

	/**
	 * Whether readers have seen the story before, though it is not public now: it reached
	 * its first release instant before anyone took it down.
	 */
	private static boolean hasBeenPublic(PublishingRepository.ArticleState state, Instant now) {
		Instant first = state.firstPublishedAt();
		return first != null && !first.isAfter(now)
				&& (state.unpublishedAt() == null || state.unpublishedAt().isAfter(first));
	}

	/**
	 * Takes a story out of public view at once, as published in error with no
	 * explanation: its address answers 410 Gone.
	 * @see #takeDown(long, Takedown, String)
	 */
	@Transactional
	public void unpublish(long articleId) {
		takeDown(articleId, Takedown.gone(null), "system");
	}

	/**
	 * Takes a published story down for the given reason, at once: it leaves every
	 * listing, search, feed, sitemap and the API list, and its address answers as the
	 * reason says (410, a redirect, or the story under a withdrawal notice), never a
	 * silent 404. A story already down gets the new reason. The record is kept;
	 * publishing the story again ends the takedown.
	 * @param by who decides, for the record
	 * @throws InvalidContentException with every problem by field ({@code kind},
	 * {@code explanation}, {@code reason}, {@code redirectUrl}, {@code target}), or when
	 * the story was never published
	 */
	@Transactional
	public TakedownRecord takeDown(long articleId, Takedown takedown, String by) {
		Instant now = this.clock.instant();
		PublishingRepository.ArticleState state = this.articles.lock(articleId)
			.orElseThrow(() -> new UnknownContentException("There is no story " + articleId + "."));
		if (state.publishedRevisionId() == null) {
			throw new InvalidContentException(
					List.of("This story has never been published, so there is nothing to take down."));
		}
		String slug = this.content.editable(articleId).orElseThrow().slug();
		TakedownRules.Checked checked = this.takedownRules.check(articleId, slug, takedown, now);
		this.takedowns.insert(articleId, checked.kind(), checked.explanation(), checked.redirectUrl(),
				checked.targetArticleId(), now, by);
		if (state.unpublishedAt() == null) {
			this.articles.markUnpublished(articleId, now);
		}
		this.releaseWork.takenDown(articleId);
		this.changes.articleChanged("unpublished", articleId, now);
		return this.takedowns.newest(articleId).orElseThrow();
	}

	/**
	 * The takedown in force, or empty when the story is not down (never published,
	 * scheduled, public, or published again).
	 */
	public Optional<TakedownRecord> currentTakedown(long articleId) {
		return this.articles.find(articleId)
			.filter((state) -> state.unpublishedAt() != null)
			.flatMap((state) -> this.takedowns.newest(articleId));
	}

	/**
	 * Moves a scheduled release to another instant; the revision stays the one that was
	 * scheduled.
	 * @throws InvalidContentException when the story is not scheduled
	 */
	@Transactional
	public void reschedule(long articleId, Instant releaseAt) {
		Instant now = this.clock.instant();
		PublishingRepository.ArticleState state = lock(articleId);
		if (state.publishedRevisionId() == null || state.unpublishedAt() != null || !state.releaseAt().isAfter(now)) {
			throw new InvalidContentException(List.of("Story " + articleId + " is not scheduled."));
		}
		// Never public yet: its first release moves with it.
		boolean firstRelease = state.releaseAt().equals(state.firstPublishedAt());
		this.articles.moveRelease(articleId, releaseAt, firstRelease ? releaseAt : state.firstPublishedAt());
		this.releaseWork.moved(articleId, releaseAt);
		this.changes.articleChanged("rescheduled", articleId, releaseAt);
	}

	/**
	 * Calls off a first release still to come: the story goes back to having no published
	 * revision. Its publication row stays, as every record does.
	 * @throws InvalidContentException when the story is not waiting for its first release
	 */
	@Transactional
	public void unschedule(long articleId) {
		Instant now = this.clock.instant();
		PublishingRepository.ArticleState state = lock(articleId);
		if (state.publishedRevisionId() == null || state.unpublishedAt() != null || !state.releaseAt().isAfter(now)
				|| !state.releaseAt().equals(state.firstPublishedAt())) {
			throw new InvalidContentException(List.of("Story " + articleId + " is not waiting for its first release."));
		}
		this.articles.clearPublication(articleId);
		this.releaseWork.takenDown(articleId);
		this.changes.articleChanged("unscheduled", articleId, now);
	}

	private PublishingRepository.ArticleState lock(long articleId) {
		return this.articles.lock(articleId)
			.orElseThrow(() -> new InvalidContentException(List.of("There is no story " + articleId + ".")));
	}

}
