package org.gazette.syndication;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.gazette.platform.GazetteProperties;
import org.gazette.publishing.ChangeLog;
import org.gazette.publishing.Newsroom;
import org.gazette.site.SitePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Writes the whole public site as files a static host can serve: every page and listing
 * page ({@link SitePages}), the feeds, sitemaps and robots.txt ({@link ChannelFiles}),
 * the assets and, later, the media ({@link StaticFiles}), and a 404 page. Everything
 * reads through the newsroom's visibility rule as of the export, so nothing under embargo
 * is written.
 * <p>
 * Pages are rendered in this process by the same page builders and templates as the
 * server's, rather than fetched over HTTP: the bytes are the same by construction
 * ({@code StaticExportTests} compares every page with the server's answer), and no
 * request, filter or socket is paid per page.
 * <p>
 * The export is written beside the previous one and swapped in at the end
 * ({@link ExportTarget}); every internal link is checked against the files written, and a
 * broken one fails the export. Files whose bytes have not changed since the previous
 * export are kept by hard link, with their modification time, rather than written again.
 * An incremental export does not even render what cannot have changed: from the change
 * events since the previous export (those committed late below its newest one too, and
 * the releases that came due since) it knows which stories changed, and renders only
 * their pages and the listing pages that show them or whose stories moved (see
 * {@code SitePages#groups(Selection)}); the links of the pages it keeps are read from the
 * previous export's {@link ExportLinks}, so every link is still checked. Feeds, sitemaps
 * and assets are few and always made again. When it cannot tell what changed (no previous
 * export, other settings or layout, events no longer in the log), it renders every page.
 * If the newsroom changes while the export runs (a change event, a release), the export
 * starts over, so that it shows one moment.
 */
@Service
class StaticExport {

	private static final Logger logger = LoggerFactory.getLogger(StaticExport.class);

	/** Tries before giving up on a newsroom that keeps changing during the export. */
	static final int ATTEMPTS = 3;

	/**
	 * The code and copy that pages are made of, once per process: the build's
	 * {@link CodeIdentity}, or where it cannot be told the compiled templates, the page
	 * builders and the messages, hashed. A new version of Gazette makes every page render
	 * again, not only those that change events name.
	 */
	private static final Supplier<byte[]> CODE = SingletonSupplier.of(() -> {
		String identity = CodeIdentity.current();
		if (identity != null) {
			// The same build has the same templates: no need to read them (a walk of the
			// jar's entries per pattern, then every class, cost a second per command).
			return identity.getBytes(StandardCharsets.UTF_8);
		}
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
					StaticExport.class.getClassLoader());
			List<String> files = new ArrayList<>();
			for (String pattern : new String[] { "classpath*:gg/jte/generated/**/*.class",
					"classpath*:org/gazette/site/**/*.class", "classpath*:org/gazette/syndication/**/*.class",
					"classpath*:messages*.properties" }) {
				for (Resource resource : resolver.getResources(pattern)) {
					files.add(resource.getFilename() + "\t"
							+ HexFormat.of().formatHex(digest.digest(resource.getContentAsByteArray())));
				}
			}
			// In a stable order, wherever the classes are.
			files.sort(Comparator.naturalOrder());
			return digest.digest(String.join("\n", files).getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			// Then only the layout in the 404 page tells a new version.
			return new byte[0];
		}
	});

	private final SitePages site;

	private final ChannelFiles channels;

	private final List<StaticFiles> files;

	private final ChangeLog changes;

	private final Newsroom newsroom;

	private final GazetteProperties properties;

	private final ExportProperties settings;

	private final Clock clock;

	StaticExport(SitePages site, ChannelFiles channels, List<StaticFiles> files, ChangeLog changes, Newsroom newsroom,
			GazetteProperties properties, ExportProperties settings, Clock clock) {
		this.site = site;
		this.channels = channels;
		this.files = files;
		this.changes = changes;
		this.newsroom = newsroom;
		this.properties = properties;
		this.settings = settings;
		this.clock = clock;
	}

	/** The options set by {@code gazette.export.*}. */
	ExportOptions defaultOptions() {
		return new ExportOptions(this.settings.links(), this.settings.baseUrl(), false);
	}

	/**
	 * Exports the site to {@code directory}, which becomes a link to the new export.
	 * @throws ExportException when the export cannot be made; the previous one stays
	 */
	ExportReport export(Path directory, ExportOptions options) throws ExportException {
		long started = System.nanoTime();
		try (ExportTarget target = ExportTarget.open(directory)) {
			for (int attempt = 1;; attempt++) {
				Moment before = moment();
				List<Long> missingEvents = this.changes.missingUpTo(before.lastEvent());
				ExportManifest previous = options.full() ? null : target.currentManifest();
				Map<String, List<String>> previousLinks = (previous != null) ? target.currentLinks() : null;
				Path version;
				try {
					version = target.create(this.clock.instant());
				}
				catch (IOException ex) {
					throw new ExportException("Cannot write the export beside " + target.link() + ": " + ex, ex);
				}
				// Rendered once per attempt: it takes the 404 page.
				String fingerprint = fingerprint(options);
				boolean sameBuild = previous != null && fingerprint.equals(previous.fingerprint());
				ExportRun run = new ExportRun(version, (previous != null) ? target.current() : null, previous,
						previousLinks, linkRewriter(options), siteBase(), sameBuild);
				try {
					Optional<Set<Long>> changed = sameBuild ? changedStories(previous, previousLinks)
							: Optional.empty();
					render(run, selection(run, changed, true), selection(run, changed, false),
							sameBuild ? fileVersions(previous) : Map.of());
				}
				catch (ExportException | RuntimeException ex) {
					target.discard(version);
					throw ex;
				}
				Moment after = moment();
				if (!before.equals(after) && attempt < ATTEMPTS) {
					logger.info("The newsroom changed during the export; exporting again");
					target.discard(version);
					continue;
				}
				List<String> broken = run.brokenLinks();
				if (!broken.isEmpty()) {
					target.discard(version);
					throw new ExportException(brokenLinksMessage(broken));
				}
				ExportManifest manifest = new ExportManifest(this.clock.instant(), missingEvents, before.lastEvent(),
						before.nextRelease(), fingerprint, run.manifest());
				try {
					target.publish(version, manifest, run.links());
				}
				catch (IOException ex) {
					target.discard(version);
					throw new ExportException("Cannot swap the new export in at " + target.link() + ": " + ex, ex);
				}
				int removed = (previous != null) ? (int) previous.files()
					.keySet()
					.stream()
					.filter((file) -> !manifest.files().containsKey(file))
					.count() : 0;
				return new ExportReport(version, run.pages(), run.rendered(), run.feedsMade(), manifest.files().size(),
						run.written(), run.kept(), removed, before.lastEvent(), before.nextRelease(),
						Duration.ofNanos(System.nanoTime() - started));
			}
		}
	}

	/**
	 * Whether anything readers see may have changed since the export in the manifest was
	 * made with these options: a change event, a release, or other settings or layout.
	 */
	boolean isOutOfDate(ExportManifest manifest, ExportOptions options) {
		if (manifest == null) {
			return true;
		}
		Instant next = manifest.nextRelease();
		return this.changes.lastEventId() != manifest.lastChangeEvent()
				|| (next != null && !this.clock.instant().isBefore(next))
				|| !fingerprint(options).equals(manifest.fingerprint());
	}

	/**
	 * The options and the page layout around every page (site name, navigation, asset
	 * addresses, identifier links: all in the 404 page), hashed. When they change, every
	 * page does, without any change event.
	 */
	String fingerprint(ExportOptions options) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.site.notFound().html());
			digest.update(CODE.get());
			digest.update(("\n" + options.links() + "\n" + options.baseUrl()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * The stories with a change since the previous export, made by this build with these
	 * options, when the change log still tells what changed since; empty when every page
	 * must be rendered.
	 */
	private Optional<Set<Long>> changedStories(ExportManifest previous, Map<String, List<String>> previousLinks) {
		if (previousLinks == null || previous.missingEvents() == null) {
			return Optional.empty();
		}
		Optional<Map<String, Set<Long>>> changes = this.changes.changesSince(previous.lastChangeEvent(),
				previous.missingEvents(), previous.nextRelease(), this.clock.instant());
		if (changes.isEmpty()) {
			logger.info("The change log no longer holds what changed since the previous export; rendering every page");
			return Optional.empty();
		}
		return Optional.of(changes.get().getOrDefault("article", Set.of()));
	}

	/**
	 * Which pages (or, with {@code pages} false, feeds) to render: after a previous
	 * export with the same settings and layout, only the stories with a change since
	 * then, and the listing pages and feeds that show one of them or whose version
	 * changed (stories added, removed or moved, another subject description); every other
	 * one is kept as it was. Everything when there is no such export, or when the change
	 * log no longer tells what changed since.
	 */
	private static SitePages.Selection selection(ExportRun run, Optional<Set<Long>> changed, boolean pages) {
		if (changed.isEmpty()) {
			return SitePages.Selection.EVERY_PAGE;
		}
		Set<Long> stories = changed.get();
		return (path, version, shown) -> {
			if (!(pages ? run.canKeep(path, version) : run.canKeepFile(path, version))) {
				return true;
			}
			for (Long story : shown) {
				if (stories.contains(story)) {
					return true;
				}
			}
			return false;
		};
	}

	/** The versions of an export's files that have one, by file. */
	private static Map<String, String> fileVersions(ExportManifest previous) {
		Map<String, String> versions = new HashMap<>();
		previous.files().forEach((file, entry) -> {
			if (entry.version() != null) {
				versions.put(file, entry.version());
			}
		});
		return versions;
	}

	private void render(ExportRun run, SitePages.Selection selection, SitePages.Selection feeds,
			Map<String, String> previousVersions) throws ExportException {
		List<ExportRun.Task> tasks = new ArrayList<>();
		tasks.add(() -> {
			SitePages.SitePage notFound = this.site.notFound();
			// Served at any depth, so its links stay as the server writes them.
			run.file(notFound.path(), notFound.html(), null);
		});
		for (SitePages.PageGroup group : this.site.groups(selection)) {
			tasks.add(() -> group
				.render(ThrowingConsumer.of((page) -> run.page(page.path(), page.html(), page.version()))));
		}
		for (var group : this.channels.groups(feeds)) {
			tasks.add(() -> group.accept(ThrowingConsumer.of((file) -> {
				if (file.body() == null) {
					run.keepFile(file.path());
				}
				else {
					run.file(file.path(), file.body(), file.version());
					if (file.feed()) {
						run.feedMade();
					}
				}
			})));
		}
		for (StaticFiles source : this.files) {
			List<StaticFiles.StaticFile> all;
			try {
				all = source.files(previousVersions);
			}
			catch (IOException ex) {
				throw new ExportException("Cannot read the " + source.name() + " to export: " + ex.getMessage(), ex);
			}
			for (int from = 0; from < all.size(); from += 64) {
				List<StaticFiles.StaticFile> batch = all.subList(from, Math.min(all.size(), from + 64));
				tasks.add(() -> {
					for (StaticFiles.StaticFile file : batch) {
						run.file(file);
					}
				});
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(this.settings.threadCount(), (runnable) -> {
			Thread thread = new Thread(runnable, "static-export");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (ExportRun.Task task : tasks) {
				futures.add(pool.submit(() -> {
					task.run();
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof ExportException export) {
					throw export;
				}
				if (cause instanceof IOException io) {
					throw new ExportException("Cannot write the export: " + io, io);
				}
			}
			throw new ExportException("The export failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ExportException("The export was interrupted", ex);
		}
		finally {
			pool.shutdownNow();
		}
		redirects(run);
	}

	/**
	 * The newsroom's redirects, written where nothing else was: the server answers them
	 * only for addresses no page has. An address whose file a static host would not serve
	 * as HTML (an old {@code .pdf} or {@code .php} address) is left out.
	 */
	private void redirects(ExportRun run) throws ExportException {
		for (SitePages.SitePage page : this.site.redirectPages()) {
			String file = ExportPaths.fileOf(page.path());
			boolean html = file != null && (file.endsWith(".html") || file.endsWith(".htm"));
			if (html && !run.holds(page.path())) {
				try {
					run.page(page.path(), page.html());
				}
				catch (IOException ex) {
					throw new ExportException("Cannot write the export: " + ex, ex);
				}
			}
		}
	}

	/** Rewrites a page's site links for the link style asked for; null keeps them. */
	private ExportRun.LinkRewriter linkRewriter(ExportOptions options) {
		return switch (options.links()) {
			case ROOT -> null;
			case RELATIVE -> (file, path, suffix) -> ExportPaths.relative(file, ExportPaths.fileOf(path)) + suffix;
			case ABSOLUTE -> {
				URI base = Objects.requireNonNullElse(options.baseUrl(), this.properties.baseUrl());
				String prefix = base.toString().replaceAll("/+$", "");
				yield (file, path, suffix) -> prefix + path + suffix;
			}
		};
	}

	private String siteBase() {
		return this.properties.baseUrl().toString().replaceAll("/+$", "");
	}

	private Moment moment() {
		return new Moment(this.changes.lastEventId(), this.newsroom.nextRelease().orElse(null));
	}

	private static String brokenLinksMessage(List<String> broken) {
		StringBuilder message = new StringBuilder("The export has " + broken.size()
				+ ((broken.size() == 1) ? " broken link" : " broken links")
				+ " to pages or files that are not part of the site; nothing was changed at the export's address. "
				+ "Fix the links (or publish what they point to) and export again:");
		broken.stream().limit(50).forEach((line) -> message.append("\n  ").append(line));
		if (broken.size() > 50) {
			message.append("\n  ... and ").append(broken.size() - 50).append(" more");
		}
		return message.toString();
	}

	/**
	 * What the newsroom looked like: an export made while it stays the same shows one
	 * moment.
	 */
	private record Moment(long lastEvent, Instant nextRelease) {
	}

}
