package org.gazette.syndication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * One export being written: its files, their hashes for the manifest, and every internal
 * link seen, to check once all files are written. Safe to use from several threads.
 */
final class ExportRun {

	private static final Pattern SITEMAP_LOC = Pattern.compile("<loc>([^<]*)</loc>");

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)");

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	});

	private final Path root;

	private final Path previousRoot;

	private final ExportManifest previous;

	private final LinkRewriter rewriter;

	private final String siteBase;

	private final boolean sameBuild;

	private final Map<String, ExportManifest.Entry> files = new ConcurrentHashMap<>();

	private final Map<String, List<String>> previousLinks;

	private final Map<String, Sources> links = new ConcurrentHashMap<>();

	/** Each page's links, by its address, for the next export ({@link ExportLinks}). */
	private final Map<String, List<String>> pageLinks = new ConcurrentHashMap<>();

	private final Set<Path> directories = ConcurrentHashMap.newKeySet();

	private final AtomicInteger pages = new AtomicInteger();

	private final AtomicInteger rendered = new AtomicInteger();

	private final AtomicInteger feedsMade = new AtomicInteger();

	private final AtomicInteger written = new AtomicInteger();

	private final AtomicInteger kept = new AtomicInteger();

	/**
	 * @param root the new export's directory
	 * @param previousRoot the previous export's directory, or null
	 * @param previous the previous export's manifest, or null for a full export
	 * @param previousLinks the links of the previous export's pages, or null
	 * @param rewriter how site links are written in pages; null leaves them as they are
	 * @param siteBase the site's base address, without a trailing slash
	 * @param sameBuild whether the previous export was made by the same build with the
	 * same options, so that a static file's version stands for its bytes (a style sheet's
	 * depend on the link style too)
	 */
	ExportRun(Path root, Path previousRoot, ExportManifest previous, Map<String, List<String>> previousLinks,
			LinkRewriter rewriter, String siteBase, boolean sameBuild) {
		this.root = root;
		this.previousRoot = previousRoot;
		this.previous = previous;
		this.previousLinks = previousLinks;
		this.rewriter = rewriter;
		this.siteBase = siteBase;
		this.sameBuild = sameBuild;
	}

	/** Whether a file is written, or being written, at the address already. */
	boolean holds(String path) {
		String file = ExportPaths.fileOf(path);
		return file != null && this.files.containsKey(file);
	}

	/**
	 * Whether the previous export holds the page at this address, with the given version
	 * and its links, so that it can be kept without rendering it.
	 */
	boolean canKeep(String path, String version) {
		String file = ExportPaths.fileOf(path);
		ExportManifest.Entry before = (file != null && this.previous != null) ? this.previous.files().get(file) : null;
		return before != null && Objects.equals(version, before.version()) && this.previousLinks != null
				&& this.previousLinks.containsKey(path);
	}

	/**
	 * Whether the previous export holds a file other than a page (a feed) at this address
	 * with the given version, so that it can be kept without making it again.
	 */
	boolean canKeepFile(String path, String version) {
		String file = ExportPaths.fileOf(path);
		ExportManifest.Entry before = (file != null && this.previous != null) ? this.previous.files().get(file) : null;
		return before != null && version != null && version.equals(before.version());
	}

	/**
	 * Keeps the previous export's file at this address, not made again, which
	 * {@link #canKeepFile} said it can.
	 */
	void keepFile(String path) throws IOException, ExportException {
		keepUnmade(path, fileOf(path));
	}

	/** An HTML page: its links are checked, and rewritten if the export asks for it. */
	void page(String path, byte[] html) throws IOException, ExportException {
		page(path, html, null);
	}

	/**
	 * An HTML page with its version (see {@code SitePages.SitePage}); null bytes keep the
	 * previous export's page, which {@link #canKeep} said it can.
	 */
	void page(String path, byte[] html, String version) throws IOException, ExportException {
		String file = fileOf(path);
		if (html == null) {
			keepPage(path, file);
			return;
		}
		String text = new String(html, StandardCharsets.UTF_8);
		Set<String> targets = new LinkedHashSet<>();
		HtmlLinks.each(text, (link) -> {
			String target = ExportPaths.target(path, link, this.siteBase);
			if (target != null) {
				targets.add(target);
			}
		});
		if (this.rewriter != null) {
			text = HtmlLinks.rewrite(text, (link) -> rewrite(file, link));
			html = text.getBytes(StandardCharsets.UTF_8);
		}
		store(path, file, html, version);
		linked(path, List.copyOf(targets));
		this.pages.incrementAndGet();
		this.rendered.incrementAndGet();
	}

	/**
	 * Keeps an unchanged page that was not rendered: the previous file, and its links as
	 * the previous export recorded them.
	 */
	private void keepPage(String path, String file) throws IOException, ExportException {
		List<String> targets = (this.previousLinks != null) ? this.previousLinks.get(path) : null;
		if (targets == null) {
			throw new IllegalStateException("No page to keep at " + path);
		}
		keepUnmade(path, file);
		linked(path, targets);
		this.pages.incrementAndGet();
	}

	/** Keeps the previous export's file, by hard link or else by copy. */
	private void keepUnmade(String path, String file) throws IOException, ExportException {
		ExportManifest.Entry before = (this.previous != null) ? this.previous.files().get(file) : null;
		if (before == null) {
			throw new IllegalStateException("No file to keep at " + path);
		}
		if (this.files.putIfAbsent(file, before) != null) {
			throw new ExportException("Two files of the export would be written at " + path + ".");
		}
		if (!link(file)) {
			// No hard links here: a copy keeps the bytes and the modification time.
			Path target = this.root.resolve(file);
			directory(target.getParent());
			Files.copy(this.previousRoot.resolve(file), target, StandardCopyOption.COPY_ATTRIBUTES);
		}
		this.kept.incrementAndGet();
	}

	/**
	 * A file written as it is, except for the site links in a style sheet, which follow
	 * the link style. The addresses a sitemap lists and a style sheet's links are
	 * checked.
	 */
	void file(String path, byte[] bytes, String version) throws IOException, ExportException {
		String file = fileOf(path);
		if (path.startsWith("/sitemap") && path.endsWith(".xml")) {
			Matcher locations = SITEMAP_LOC.matcher(new String(bytes, StandardCharsets.UTF_8));
			while (locations.find()) {
				linked(path, locations.group(1));
			}
		}
		else if (path.endsWith(".css")) {
			bytes = styleSheet(file, bytes);
		}
		store(path, file, bytes, version);
	}

	private byte[] styleSheet(String file, byte[] bytes) {
		String css = new String(bytes, StandardCharsets.UTF_8);
		Matcher links = CSS_URL.matcher(css);
		StringBuilder out = new StringBuilder(css.length() + 4096);
		boolean changed = false;
		while (links.find()) {
			String link = links.group(2);
			String replaced = (this.rewriter != null) ? rewrite(file, link) : null;
			changed |= replaced != null;
			links.appendReplacement(out, Matcher
				.quoteReplacement((replaced != null) ? links.group().replace(link, replaced) : links.group()));
		}
		links.appendTail(out);
		return changed ? out.toString().getBytes(StandardCharsets.UTF_8) : bytes;
	}

	/** A file from a {@link StaticFiles} source. */
	void file(StaticFiles.StaticFile file) throws IOException, ExportException {
		String name = fileOf(file.path());
		ExportManifest.Entry before = (this.previous != null) ? this.previous.files().get(name) : null;
		if (this.sameBuild && file.version() != null && before != null && file.version().equals(before.version())
				&& keep(file.path(), name, before)) {
			return;
		}
		byte[] bytes;
		try (InputStream in = file.content().open()) {
			bytes = in.readAllBytes();
		}
		file(file.path(), bytes, file.version());
	}

	/**
	 * Every link to the site that leads to no file of the export, one line each, saying
	 * which page has it.
	 */
	List<String> brokenLinks() {
		List<String> broken = new ArrayList<>();
		new TreeMap<>(this.links).forEach((target, sources) -> {
			String file = ExportPaths.fileOf(target);
			if (file == null || !this.files.containsKey(file)) {
				int others = sources.count.get() - 1;
				broken
					.add(sources.first + " links to " + target + ", which is not in the export"
							+ ((others > 0) ? " (" + others
									+ ((others == 1) ? " other page links" : " other pages link") + " to it too)"
									: ""));
			}
		});
		return broken;
	}

	/** Each page's links, for the next export. */
	Map<String, List<String>> links() {
		return Map.copyOf(this.pageLinks);
	}

	Map<String, ExportManifest.Entry> manifest() {
		return Map.copyOf(this.files);
	}

	int pages() {
		return this.pages.get();
	}

	int rendered() {
		return this.rendered.get();
	}

	/** Counts a feed made anew (rather than kept unmade, see {@link #keepFile}). */
	void feedMade() {
		this.feedsMade.incrementAndGet();
	}

	int feedsMade() {
		return this.feedsMade.get();
	}

	int written() {
		return this.written.get();
	}

	int kept() {
		return this.kept.get();
	}

	private void linked(String page, String link) {
		String target = ExportPaths.target(page, link, this.siteBase);
		if (target != null) {
			this.links.computeIfAbsent(target, (key) -> new Sources(page)).count.incrementAndGet();
		}
	}

	/** A page's links, each site address once. */
	private void linked(String page, List<String> targets) {
		this.pageLinks.put(page, targets);
		for (String target : targets) {
			this.links.computeIfAbsent(target, (key) -> new Sources(page)).count.incrementAndGet();
		}
	}

	private String rewrite(String file, String link) {
		if (!link.startsWith("/") || link.startsWith("//")) {
			return null;
		}
		int end = link.length();
		for (char c : new char[] { '?', '#' }) {
			int at = link.indexOf(c);
			end = (at >= 0) ? Math.min(end, at) : end;
		}
		String path = UriUtils.decode(link.substring(0, end), StandardCharsets.UTF_8);
		return (ExportPaths.fileOf(path) != null) ? this.rewriter.rewrite(file, path, link.substring(end)) : null;
	}

	private void store(String path, String file, byte[] bytes, String version) throws IOException, ExportException {
		String hash = HexFormat.of().formatHex(SHA_256.get().digest(bytes));
		ExportManifest.Entry entry = new ExportManifest.Entry(hash, bytes.length, version);
		if (this.files.putIfAbsent(file, entry) != null) {
			throw new ExportException("Two files of the export would be written at " + path + ".");
		}
		ExportManifest.Entry before = (this.previous != null) ? this.previous.files().get(file) : null;
		// Kept under this export's version of it, which may differ for the same bytes.
		if (before != null && before.hash().equals(hash) && keep(path, file, entry)) {
			return;
		}
		Path target = this.root.resolve(file);
		directory(target.getParent());
		Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		this.written.incrementAndGet();
	}

	/**
	 * Keeps the previous export's file by hard link (same bytes, same modification time);
	 * false when the file system cannot, and it must be written.
	 */
	private boolean keep(String path, String file, ExportManifest.Entry entry) throws IOException {
		if (!link(file)) {
			return false;
		}
		this.files.put(file, entry);
		this.kept.incrementAndGet();
		return true;
	}

	/**
	 * Links the previous export's file into this one; false when the file system cannot.
	 */
	private boolean link(String file) throws IOException {
		Path old = this.previousRoot.resolve(file);
		Path target = this.root.resolve(file);
		directory(target.getParent());
		try {
			Files.createLink(target, old);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			throw ex;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	/**
	 * Makes the directory unless it is known to exist. Remembered only once made: another
	 * thread that finds it unknown meanwhile makes it too (which is harmless) rather than
	 * writing into a directory that is not there yet.
	 */
	private void directory(Path directory) throws IOException {
		if (!this.directories.contains(directory)) {
			Files.createDirectories(directory);
			this.directories.add(directory);
		}
	}

	private static String fileOf(String path) throws ExportException {
		String file = ExportPaths.fileOf(path);
		if (file == null || !ExportManifest.isValidName(file)) {
			throw new ExportException("Cannot export " + path + ": it is not an address a file can have.");
		}
		return file;
	}

	/** A unit of work of the export, run on one of its threads. */
	@FunctionalInterface
	interface Task {

		void run() throws Exception;

	}

	/** Writes a link to a site address as the export's link style wants it. */
	@FunctionalInterface
	interface LinkRewriter {

		/**
		 * @param fromFile the file the link is in, relative to the export's root
		 * @param path the address linked to, decoded, without query or fragment
		 * @param suffix the query and fragment, as written
		 */
		String rewrite(String fromFile, String path, String suffix);

	}

	/** Which page first linked to an address, and how many did. */
	private static final class Sources {

		final String first;

		final AtomicInteger count = new AtomicInteger();

		Sources(String first) {
			this.first = first;
		}

	}

}
