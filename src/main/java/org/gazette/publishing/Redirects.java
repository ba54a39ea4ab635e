package org.gazette.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.InvalidContentException.Problem;
import org.gazette.platform.Db;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redirects from old addresses, kept by admins and made by imports (old permalinks). A
 * redirect answers only where nothing else does: the site asks for one just before it
 * would answer 404, so pages that exist never pay for the lookup.
 */
@Service
public class Redirects {

	static final int PAGE_SIZE = 50;

	static final int NOTE_MAX = 500;

	private final RedirectRepository redirects;

	private final Content content;

	private final Clock clock;

	private final ChangeEvents changes;

	Redirects(RedirectRepository redirects, Content content, Clock clock, ChangeEvents changes) {
		this.redirects = redirects;
		this.content = content;
		this.clock = clock;
		this.changes = changes;
	}

	/**
	 * Adds a redirect, for an import of old permalinks.
	 * @see #add(String, String, String, String)
	 */
	@Transactional
	public Redirect add(String fromPath, String toUrl, String by) {
		return add(fromPath, toUrl, null, by);
	}

	/**
	 * Adds a redirect from an old path to a site path or an http(s) address.
	 * @param fromPath the old path, as in {@code /2019/05/old-post/}; stored normalised
	 * @param note why, or null
	 * @throws InvalidContentException with every problem, keyed {@code fromPath},
	 * {@code toUrl} and {@code note}
	 */
	@Transactional
	public Redirect add(String fromPath, String toUrl, String note, String by) {
		Checked checked = check(fromPath, toUrl, note);
		if (!checked.problems().isEmpty()) {
			throw InvalidContentException.of(checked.problems());
		}
		String from = checked.from();
		String to = checked.to();
		String cleanNote = checked.note();
		long id;
		try {
			id = this.redirects.insert(from, to, cleanNote, by, this.clock.instant());
			// An address that answered 404 now answers 301: cached pages and the static
			// export must learn of it.
			this.changes.subjectChanged("added", "redirect", id);
		}
		catch (DuplicateKeyException ex) {
			throw InvalidContentException.of("fromPath", "There is already a redirect from " + from + ".");
		}
		return this.redirects.find(id).orElseThrow();
	}

	/**
	 * Adds a redirect for an import where one may start, and says why not otherwise,
	 * without throwing: an old permalink that cannot redirect (a path Gazette answers
	 * itself, one already redirected) must not stop the import of its story.
	 * @return why no redirect was added, or empty when it was (or the same one exists)
	 */
	@Transactional
	public Optional<String> addImported(String fromPath, String toUrl, String note, String by) {
		Checked checked = check(fromPath, toUrl, note);
		if (checked.from() != null && checked.to() != null
				&& this.redirects.destination(checked.from()).filter(checked.to()::equals).isPresent()) {
			return Optional.empty();
		}
		if (!checked.problems().isEmpty()) {
			return Optional.of(checked.problems().get(0).message());
		}
		long id = this.redirects.insert(checked.from(), checked.to(), checked.note(), by, this.clock.instant());
		this.changes.subjectChanged("added", "redirect", id);
		return Optional.empty();
	}

	/**
	 * As {@link #addImported} for each redirect, in order, with two reads and two
	 * statements for all of them unless one names a story's own address: an import adds a
	 * redirect for nearly every story.
	 * @return why each was not added, or empty when it was (or the same one exists)
	 */
	@Transactional
	public List<Optional<String>> addImportedAll(List<ImportedRedirect> asked, String note, String by) {
		Instant now = this.clock.instant();
		Map<String, String> existing = this.redirects.destinations(asked.stream()
			.map((redirect) -> PublicAddresses.checkRedirectPath(redirect.fromPath(), "fromPath", new ArrayList<>()))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		List<Optional<String>> answers = new ArrayList<>(asked.size());
		List<Object[]> rows = new ArrayList<>();
		for (ImportedRedirect redirect : asked) {
			Checked checked = check(redirect.fromPath(), redirect.toUrl(), note, existing::containsKey);
			if (checked.from() != null && checked.to() != null && checked.to().equals(existing.get(checked.from()))) {
				answers.add(Optional.empty());
			}
			else if (!checked.problems().isEmpty()) {
				answers.add(Optional.of(checked.problems().get(0).message()));
			}
			else {
				// A later item of the batch finds it, as it would in the table.
				existing.put(checked.from(), checked.to());
				rows.add(new Object[] { checked.from(), checked.to(), checked.note(), by, Db.utc(now) });
				answers.add(Optional.empty());
			}
		}
		if (!rows.isEmpty()) {
			this.changes.subjectsChanged("added", "redirect", this.redirects.insertAll(rows));
		}
		return answers;
	}

	/** An old address of an imported story, and its new one. */
	public record ImportedRedirect(String fromPath, String toUrl) {
	}

	/** A redirect as asked for, normalised, with every problem it has. */
	private record Checked(String from, String to, String note, List<Problem> problems) {
	}

	private Checked check(String fromPath, String toUrl, String note) {
		return check(fromPath, toUrl, note, this.redirects::exists);
	}

	/**
	 * @param redirected whether a (normalised) path redirects already
	 */
	private Checked check(String fromPath, String toUrl, String note, Predicate<String> redirected) {
		List<Problem> problems = new ArrayList<>();
		String from = PublicAddresses.checkRedirectPath(fromPath, "fromPath", problems);
		String to = PublicAddresses.checkDestination(toUrl, "toUrl", "New address", problems);
		String cleanNote = (note != null && !note.isBlank()) ? note.strip() : null;
		if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
			problems.add(new Problem("note", "Note is longer than " + NOTE_MAX + " characters."));
		}
		if (cleanNote != null && cleanNote.matches("(?s).*\\p{Cc}.*")) {
			problems.add(new Problem("note", "Note must be a single line of text."));
		}
		if (from != null) {
			if (redirected.test(from)) {
				problems.add(new Problem("fromPath", "There is already a redirect from " + from + "."));
			}
			else if (storyAnswers(from)) {
				problems.add(new Problem("fromPath", "A story answers at " + from
						+ ", so a redirect from there would never be used. Take the story down or change its address instead."));
			}
			if (to != null && PublicAddresses.requestKey(to.split("[?#]", 2)[0]) != null
					&& from.equals(PublicAddresses.requestKey(to.split("[?#]", 2)[0]))) {
				problems
					.add(new Problem("toUrl", "The new address is the old one: readers would go round in circles."));
			}
		}
		return new Checked(from, to, cleanNote, problems);
	}

	/**
	 * Removes a redirect; the old path answers 404 again (unless something else lives
	 * there).
	 * @return what was removed, for the record, or empty when there was no such redirect
	 */
	@Transactional
	public Optional<Redirect> remove(long id) {
		Optional<Redirect> redirect = this.redirects.find(id);
		redirect.ifPresent((found) -> {
			this.redirects.delete(found.id());
			this.changes.subjectChanged("removed", "redirect", found.id());
		});
		return redirect;
	}

	public Optional<Redirect> find(long id) {
		return this.redirects.find(id);
	}

	/**
	 * Where a request for this path (as sent, %-encoded) should go, if a redirect starts
	 * there.
	 */
	public Optional<String> destination(String requestPath) {
		String key = PublicAddresses.requestKey(requestPath);
		return (key != null) ? this.redirects.destination(key) : Optional.empty();
	}

	/** Every redirect, by old path, for the static export. */
	@Transactional(readOnly = true)
	public List<Redirect> all() {
		return this.redirects.all();
	}

	/**
	 * A page of redirects by old path.
	 * @param contains only those whose old path contains this text (any case), or null
	 * @param page from 1; a page past the end comes back empty
	 */
	public RedirectList list(String contains, int page) {
		String text = (contains != null && !contains.isBlank()) ? contains.strip() : null;
		long total = this.redirects.count(text);
		long offset = (long) (page - 1) * PAGE_SIZE;
		return new RedirectList((offset < total) ? this.redirects.page(text, PAGE_SIZE, offset) : List.of(), total,
				page, PAGE_SIZE);
	}

	/** Whether a story lives, or lived and still redirects, at this path. */
	private boolean storyAnswers(String path) {
		String[] parts = path.split("/", -1);
		if (parts.length != 3 || !parts[1].equals("news")) {
			return false;
		}
		return this.content.articleIdBySlug(parts[2]).isPresent()
				|| this.content.articleIdByFormerSlug(parts[2]).isPresent();
	}

}
