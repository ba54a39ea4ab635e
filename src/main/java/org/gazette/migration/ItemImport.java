package org.gazette.migration;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.gazette.accounts.Role;
import org.gazette.content.ArticleType;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewStory;
import org.gazette.content.NewTopic;
import org.gazette.content.RenderedBody;
import org.gazette.content.RevisionDraft;
import org.gazette.content.SavedRevision;
import org.gazette.content.Slugs;
import org.gazette.publishing.Actor;
import org.gazette.publishing.ArticleStanding;
import org.gazette.publishing.EditorialState;
import org.gazette.publishing.ImportedStory;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.Workflow;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Imports one item at a time: maps it to a story (type, bylines, topics, body), then
 * creates the story, updates it, or skips it, by what earlier imports of the same source
 * recorded, and brings it to its source's status through the workflow.
 */
@Component
class ItemImport {

	/** The longest summary made from a post's text when it has no excerpt. */
	static final int SUMMARY_LENGTH = 300;

	private static final String REDIRECT_NOTE = "Old address of an imported story";

	private final Content content;

	private final Workflow workflow;

	private final Redirects redirects;

	private final ImportRepository imports;

	private final Clock clock;

	ItemImport(Content content, Workflow workflow, Redirects redirects, ImportRepository imports, Clock clock) {
		this.content = content;
		this.workflow = workflow;
		this.redirects = redirects;
		this.imports = imports;
		this.clock = clock;
	}

	Run start(String source, ImportOptions options, ImportReport report) {
		return new Run(source, options, report);
	}

	/**
	 * Works out what of an item needs no database (its body converted to Markdown and
	 * rendered, its summary), so that {@link Importer} can do it on its reading thread
	 * while the previous batch is written. Safe to call from any thread.
	 */
	Prepared prepare(SourceItem item) {
		String refusal = refusal(item);
		if (refusal != null || !item.postType().equals("post")) {
			return new Prepared(item, refusal, null, null, null, null);
		}
		try {
			HtmlMarkdown.Converted converted = HtmlMarkdown.convertWithText(WordPressHtml.toHtml(item.html()));
			String summary = summary((item.excerpt() != null) ? HtmlMarkdown.plainText(item.excerpt()) : "",
					converted.text());
			return new Prepared(item, null, converted.markdown(), summary,
					this.content.render(converted.markdown()).orElse(null), null);
		}
		catch (RuntimeException ex) {
			// Thrown when the item is written, as if it had been converted there: the
			// batch it is in stops the import, not the reading thread.
			return new Prepared(item, null, null, null, null, ex);
		}
	}

	/**
	 * An item with what {@link #prepare} worked out for it.
	 *
	 * @param refusal why the item is not imported whatever the database holds, or null
	 * @param markdown its body, converted; null for an item that is not a story's
	 * @param summary its summary, made from its excerpt or its text
	 * @param rendered its body rendered, or null to render it when it is saved
	 * @param failure what went wrong converting it, or null
	 */
	record Prepared(SourceItem item, String refusal, String markdown, String summary, RenderedBody rendered,
			RuntimeException failure) {

		/** The body, or the failure that converting it met. */
		String body() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.markdown;
		}

	}

	/** One import's state: its options, its report, and profiles found so far. */
	final class Run {

		private final String source;

		private final ImportOptions options;

		private final ImportReport report;

		private final Actor actor;

		private final Map<String, Long> authors = new HashMap<>();

		private final Map<String, Long> topics = new HashMap<>();

		/** What earlier imports recorded of the batch's items, by item id. */
		private Map<String, ImportRepository.Imported> earlier = new HashMap<>();

		/** Addresses known to be taken, so the batch's items each get their own. */
		private final Set<String> takenSlugs = new HashSet<>();

		Run(String source, ImportOptions options, ImportReport report) {
			this.source = source;
			this.options = options;
			this.report = report;
			// Whoever runs the command has the machine: they import as an admin would.
			this.actor = new Actor(options.by(), Role.ADMIN);
		}

		/**
		 * Forgets the profiles found so far: the savepoint (or, in a dry run, the batch)
		 * that created some of them was rolled back.
		 */
		void forget() {
			this.authors.clear();
			this.topics.clear();
		}

		/**
		 * Reads what the batch's items need from the database in one go (earlier imports,
		 * addresses taken) instead of item by item.
		 */
		void prepare(List<SourceItem> batch) {
			List<String> ids = batch.stream().map(SourceItem::itemId).filter(Objects::nonNull).distinct().toList();
			this.earlier = ItemImport.this.imports.findAll(this.source, ids);
			this.takenSlugs.clear();
			this.takenSlugs.addAll(ItemImport.this.content
				.takenSlugs(batch.stream().map((item) -> slugOf(item.slug(), item.title())).toList()));
		}

		void importItem(Prepared prepared) {
			SourceItem item = prepared.item();
			if (prepared.refusal() != null) {
				this.report.skipped(prepared.refusal());
				return;
			}
			if (item.postType().equals("attachment")) {
				attachment(item);
				return;
			}
			EditorialState target = target(item);
			RevisionDraft draft = draft(prepared);
			String fingerprint = storyFingerprint(item, draft);
			Optional<ImportRepository.Imported> earlier = Optional.ofNullable(this.earlier.get(item.itemId()));
			if (earlier.isEmpty()) {
				create(item, draft, prepared.rendered(), target, fingerprint);
			}
			else if (earlier.get().fingerprint().equals(fingerprint)) {
				this.report.unchanged();
			}
			else {
				update(item, earlier.get(), draft, prepared.rendered(), target, fingerprint);
			}
		}

		/**
		 * Imports those of the batch's items that are new to the database, and that a
		 * save and the workflow would take, with a few statements for all of them
		 * (decision 0025): the same rows as {@link #importItem} writes for each. What it
		 * does not take (refused items, attachments, items imported before, the same item
		 * a second time, a story a save or the workflow would refuse) is left to
		 * {@link #importItem}, in the batch's order.
		 * @return the items left
		 */
		List<Prepared> importNew(List<Prepared> batch) {
			Set<Prepared> left = Collections.newSetFromMap(new IdentityHashMap<>());
			List<Prepared> taken = new ArrayList<>();
			List<NewStory> stories = new ArrayList<>();
			List<RevisionDraft> drafts = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (Prepared prepared : batch) {
				SourceItem item = prepared.item();
				if (prepared.refusal() != null || !item.postType().equals("post") || prepared.failure() != null
						|| prepared.rendered() == null || this.earlier.containsKey(item.itemId())
						|| !ids.add(item.itemId())) {
					left.add(prepared);
					continue;
				}
				RevisionDraft draft = draft(prepared);
				if (target(item) == EditorialState.PUBLISHED && !ItemImport.this.workflow.isFitToPublish(draft)) {
					left.add(prepared);
					continue;
				}
				String slug = freeSlug(item);
				taken.add(prepared);
				drafts.add(draft);
				stories.add(new NewStory(slug, draft, prepared.rendered()));
			}
			if (stories.isEmpty()) {
				return batch;
			}
			List<SavedRevision> saved = ItemImport.this.content.createStories(stories, this.options.by());
			List<ImportedStory> created = new ArrayList<>();
			List<ImportRepository.NewItem> records = new ArrayList<>();
			List<Integer> done = new ArrayList<>();
			for (int i = 0; i < saved.size(); i++) {
				SourceItem item = taken.get(i).item();
				if (saved.get(i) == null) {
					// Refused by the save: saved alone, it says why.
					this.takenSlugs.remove(stories.get(i).slug());
					left.add(taken.get(i));
					continue;
				}
				RevisionDraft draft = drafts.get(i);
				created.add(new ImportedStory(saved.get(i).articleId(), saved.get(i).revisionId(), target(item),
						item.releasedAt(), note(item), draft.changeKind(), draft.changeNote()));
				records
					.add(new ImportRepository.NewItem(item.itemId(), item.wordPressId(), new ImportRepository.Imported(
							saved.get(i).articleId(), saved.get(i).revisionId(), storyFingerprint(item, draft))));
				done.add(i);
			}
			if (created.isEmpty()) {
				return batch;
			}
			ItemImport.this.workflow.importedAll(created, this.actor);
			ItemImport.this.imports.insertAll(this.source, records, now(), this.options.by());
			List<Redirects.ImportedRedirect> redirects = new ArrayList<>();
			for (int n = 0; n < done.size(); n++) {
				SourceItem item = taken.get(done.get(n)).item();
				this.earlier.put(item.itemId(), records.get(n).imported());
				String path = pathOf(item.link());
				if (target(item) == EditorialState.PUBLISHED && path != null) {
					redirects.add(new Redirects.ImportedRedirect(path, "/news/" + stories.get(done.get(n)).slug()));
				}
				this.report.created();
			}
			ItemImport.this.redirects.addImportedAll(redirects, REDIRECT_NOTE, this.options.by())
				.forEach(this::reportRedirect);
			// The batch's order for what is left (it grew out of order above).
			return batch.stream().filter(left::contains).toList();
		}

		private void create(SourceItem item, RevisionDraft draft, RenderedBody rendered, EditorialState target,
				String fingerprint) {
			String slug = freeSlug(item);
			SavedRevision saved = ItemImport.this.content.createStory(slug, draft, rendered, this.options.by());
			long articleId = saved.articleId();
			ItemImport.this.workflow.imported(articleId, target, item.releasedAt(), this.actor, note(item));
			ImportRepository.Imported imported = new ImportRepository.Imported(articleId, saved.revisionId(),
					fingerprint);
			ItemImport.this.imports.insert(this.source, item.itemId(), item.wordPressId(), imported, now(),
					this.options.by());
			// The same item twice in one batch finds the first.
			this.earlier.put(item.itemId(), imported);
			if (target == EditorialState.PUBLISHED) {
				// Readers knew only published posts' addresses.
				redirect(item.link(), slug);
			}
			this.report.created();
		}

		private void update(SourceItem item, ImportRepository.Imported earlier, RevisionDraft draft,
				RenderedBody rendered, EditorialState target, String fingerprint) {
			long articleId = earlier.articleId();
			ArticleStanding standing = ItemImport.this.workflow.standing(articleId).orElseThrow();
			if (standing.workingRevisionId() != earlier.revisionId() && !this.options.overwriteEdited()) {
				this.report.skipped("changed in the source, but edited in Gazette since its import: not overwritten"
						+ " (run with --overwrite-edited to replace the edits)");
				return;
			}
			if (standing.publishedRevisionId() != null && target != EditorialState.PUBLISHED) {
				this.report.skipped("published in Gazette but no longer in the source: take it down in Gazette"
						+ " if it should go");
				return;
			}
			if (standing.state() == EditorialState.ARCHIVED) {
				this.report.skipped("changed in the source, but archived in Gazette: not updated");
				return;
			}
			long revisionId = ItemImport.this.content.revise(articleId, draft, rendered, this.options.by());
			ItemImport.this.workflow.revised(articleId, this.options.by());
			ItemImport.this.workflow.imported(articleId, target, item.releasedAt(), this.actor, note(item));
			ImportRepository.Imported imported = new ImportRepository.Imported(articleId, revisionId, fingerprint);
			ItemImport.this.imports.update(this.source, item.itemId(), imported, now(), this.options.by());
			this.earlier.put(item.itemId(), imported);
			this.report.updated();
		}

		private void attachment(SourceItem item) {
			String fingerprint = fingerprint(item.title(), item.attachmentUrl(), item.parentId(), item.mediaType(),
					String.valueOf(item.releasedAt()));
			Optional<String> earlier = ItemImport.this.imports.attachmentFingerprint(this.source, item.itemId());
			if (earlier.filter(fingerprint::equals).isPresent()) {
				this.report.unchanged();
				return;
			}
			ItemImport.this.imports.saveAttachment(this.source, item, fingerprint, now(), earlier.isPresent());
			this.report.attachment();
		}

		private String storyFingerprint(SourceItem item, RevisionDraft draft) {
			return ItemImport.fingerprint(item.status().name(), String.valueOf(item.releasedAt()), item.slug(),
					draft.type().code(), draft.title(), draft.summary(), draft.bodyMarkdown(),
					draft.authorIds().toString(), draft.topicIds().toString());
		}

		private RevisionDraft draft(Prepared prepared) {
			SourceItem item = prepared.item();
			String body = prepared.body();
			String summary = prepared.summary();
			ArticleType type = null;
			List<Long> topicIds = new ArrayList<>();
			for (SourceItem.Term category : item.categories()) {
				ArticleType named = typeOf(category.name());
				if (named != null && type == null) {
					type = named;
				}
				else if (!category.name().equalsIgnoreCase("Uncategorized")) {
					topicIds.add(topic(category));
				}
			}
			item.tags().forEach((tag) -> topicIds.add(topic(tag)));
			List<Long> authorIds = new ArrayList<>();
			for (SourceItem.Person person : item.authors()) {
				authorIds.add(author(person.key(), person.name()));
			}
			if (authorIds.isEmpty()) {
				authorIds.add(author(this.options.defaultAuthor(), this.options.defaultAuthor()));
			}
			return new RevisionDraft((type != null) ? type : this.options.defaultType(), oneLine(item.title()), summary,
					null, body, List.copyOf(new LinkedHashSet<>(authorIds)), List.copyOf(new LinkedHashSet<>(topicIds)),
					ChangeKind.MINOR, null, "Imported from " + this.source);
		}

		private ArticleType typeOf(String category) {
			for (Map.Entry<String, ArticleType> entry : this.options.typesByCategory().entrySet()) {
				if (entry.getKey().equalsIgnoreCase(category.strip())) {
					return entry.getValue();
				}
			}
			String slug = Slugs.fromTitle(category);
			for (ArticleType type : ArticleType.values()) {
				if (slug.equals(type.code()) || slug.equals(type.code() + "s")) {
					return type;
				}
			}
			return null;
		}

		private long topic(SourceItem.Term term) {
			String slug = slugOf(term.slug(), term.name());
			return this.topics.computeIfAbsent(slug, (key) -> ItemImport.this.content.resolveTopic(key)
				.map((found) -> found.value().id())
				.orElseGet(
						() -> ItemImport.this.content.createTopic(new NewTopic(key, oneLine(term.name()), "")).id()));
		}

		private long author(String key, String name) {
			String slug = slugOf(null, key);
			return this.authors.computeIfAbsent(slug,
					(found) -> ItemImport.this.content.resolveAuthor(found)
						.map((author) -> author.value().id())
						.orElseGet(() -> ItemImport.this.content
							.createAuthor(new NewAuthor(found, oneLine(name), null, ""))
							.id()));
		}

		/**
		 * The source's slug if Gazette can use it and no other story has it, else one
		 * made free.
		 */
		private String freeSlug(SourceItem item) {
			String base = slugOf(item.slug(), item.title());
			String slug = base;
			for (int n = 2; taken(slug, n == 2); n++) {
				String suffix = "-" + n;
				slug = base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix;
			}
			this.takenSlugs.add(slug);
			return slug;
		}

		/**
		 * @param prepared whether the slug is one {@link #prepare} looked up (the
		 * source's own); others are asked of the database
		 */
		private boolean taken(String slug, boolean prepared) {
			if (this.takenSlugs.contains(slug)) {
				return true;
			}
			return !prepared && (ItemImport.this.content.articleIdBySlug(slug).isPresent()
					|| ItemImport.this.content.articleIdByFormerSlug(slug).isPresent());
		}

		private void redirect(String link, String slug) {
			String path = pathOf(link);
			if (path == null) {
				return;
			}
			reportRedirect(
					ItemImport.this.redirects.addImported(path, "/news/" + slug, REDIRECT_NOTE, this.options.by()));
		}

		/**
		 * @param refused why the redirect was not added, or empty when it was
		 */
		private void reportRedirect(Optional<String> refused) {
			if (refused.isPresent()) {
				this.report.redirectRefused(refused.get());
			}
			else {
				this.report.redirect();
			}
		}

		private String note(SourceItem item) {
			String note = "Imported from " + this.source + ", item " + item.itemId();
			return (note.length() > 1000) ? note.substring(0, 1000) : note;
		}

		private Instant now() {
			return ItemImport.this.clock.instant();
		}

	}

	private static EditorialState target(SourceItem item) {
		return switch (item.status()) {
			case DRAFT -> EditorialState.DRAFT;
			case PENDING -> EditorialState.IN_REVIEW;
			default -> EditorialState.PUBLISHED;
		};
	}

	/** Why an item is not imported, whatever the database holds, or null. */
	private static String refusal(SourceItem item) {
		if (item.itemId() == null) {
			return "has no id in the source (wp:post_id, guid or link), so a second run could not find it";
		}
		if (item.postType().equals("attachment")) {
			return (item.attachmentUrl() == null) ? "an attachment without wp:attachment_url" : null;
		}
		if (!item.postType().equals("post")) {
			return "a WordPress " + item.postType() + ", not a post: only posts become stories";
		}
		return switch (item.status()) {
			case PRIVATE -> "private in WordPress: not imported, readers never saw it";
			case TRASH -> "in WordPress's trash: not imported";
			case OTHER -> "a status Gazette does not import (only draft, pending, future and publish)";
			default -> (item.title() == null) ? "has no title"
					: ((item.status() == SourceStatus.PUBLISH || item.status() == SourceStatus.FUTURE)
							&& item.releasedAt() == null) ? "published without a date (wp:post_date_gmt or pubDate)"
									: null;
		};
	}

	/** The path of an old permalink, or null when it has none worth redirecting. */
	static String pathOf(String link) {
		if (link == null) {
			return null;
		}
		try {
			URI uri = new URI(link.strip());
			String path = uri.getRawPath();
			return (path == null || path.isEmpty() || path.equals("/")) ? null : path;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	static String slugOf(String sourceSlug, String name) {
		if (sourceSlug != null) {
			// WordPress stores non-ASCII slugs %-encoded.
			String decoded;
			try {
				decoded = UriUtils.decode(sourceSlug, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				decoded = sourceSlug.toLowerCase(Locale.ROOT);
			}
			if (Slugs.isValid(decoded)) {
				return decoded;
			}
			String made = Slugs.fromTitle(decoded);
			if (!made.equals("story")) {
				return made;
			}
		}
		return Slugs.fromTitle((name != null) ? name : "story");
	}

	static String summary(String excerpt, String text) {
		String source = excerpt.isBlank() ? text : excerpt;
		if (source.isBlank()) {
			return "No summary.";
		}
		if (source.length() <= SUMMARY_LENGTH) {
			return source;
		}
		int cut = source.lastIndexOf(' ', SUMMARY_LENGTH - 1);
		return source.substring(0, (cut > 0) ? cut : SUMMARY_LENGTH - 1).strip() + "…";
	}

	static String oneLine(String text) {
		return (text != null) ? text.replaceAll("\\s+", " ").strip() : null;
	}

	static String fingerprint(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
