package org.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The media library: takes uploads only after checking them from their content, keeps
 * their files in the {@link MediaStore}, and their details, searchable, in the database.
 * Uploads, changes and deletes are written to the audit log with the change.
 */
@Service
public class MediaLibrary {

	private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

	/** A library file's address, wherever it appears, with the item's hash. */
	private static final Pattern LINKED_FILE = Pattern.compile("/media/([0-9a-f]{64})[-.]");

	private final MediaRepository assets;

	private final FormerFileRepository formerFiles;

	private final MediaStore store;

	private final MediaProperties properties;

	private final ObjectProvider<MediaUsage> usages;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ImageWork imageWork;

	MediaLibrary(MediaRepository assets, FormerFileRepository formerFiles, MediaStore store, MediaProperties properties,
			ObjectProvider<MediaUsage> usages, AuditLog audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, ImageWork imageWork, Clock clock) {
		this.assets = assets;
		this.formerFiles = formerFiles;
		this.store = store;
		this.properties = properties;
		this.usages = usages;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.imageWork = imageWork;
	}

	/**
	 * Checks and stores an upload. The type is decided from the content, which must agree
	 * with the file name's extension; images are decoded and re-encoded; PDFs are parsed
	 * and must carry nothing active. The same file uploaded again is the same item.
	 * @param fileName the name it was sent with (only shown, never used as a path)
	 * @param content the bytes; read up to the size limit and no further
	 * @throws InvalidMediaException with a message per field; nothing was stored
	 */
	public Uploaded upload(String fileName, InputStream content, MediaDetails details, String by,
			String clientAddress) {
		String name = MediaRules.checkFileName(fileName);
		try (IncomingFile file = IncomingFile.copy(content, this.properties.maxUploadSize().toBytes())) {
			if (file.size() == 0) {
				throw InvalidMediaException.file("The file is empty (0 bytes). Choose the file again.");
			}
			FileType type = type(file, name);
			Optional<MediaAsset> existing = this.assets.findBySha256(file.sha256());
			if (existing.isPresent()) {
				return new Uploaded(existing.get(), true);
			}
			MediaKind kind = type.isImage() ? MediaKind.IMAGE : MediaKind.DOCUMENT;
			MediaDetails checked = MediaRules.checkDetails(kind, details, name);
			Instant now = this.clock.instant();
			MediaAsset asset = type.isImage() ? storeImage(file, type, name, checked, now, by)
					: storeDocument(file, name, checked, now, by);
			return insert(asset, clientAddress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<MediaAsset> find(long id) {
		return this.assets.find(id);
	}

	/** The item whose files are named after this hash. */
	public Optional<MediaAsset> findBySha256(String sha256) {
		return this.assets.findBySha256(sha256);
	}

	/** The given items that exist, in no particular order. */
	public List<MediaAsset> find(List<Long> ids) {
		return this.assets.findByIds(ids);
	}

	/**
	 * The library items whose files a text (a story's Markdown) links to, by the hash in
	 * their addresses; addresses of files no longer in the library are left out.
	 */
	public List<MediaAsset> linkedFrom(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		Set<String> hashes = new LinkedHashSet<>();
		Matcher matcher = LINKED_FILE.matcher(text);
		while (matcher.find()) {
			hashes.add(matcher.group(1));
		}
		List<String> wanted = List.copyOf(hashes);
		Set<Long> ids = new java.util.TreeSet<>();
		this.assets.findBySha256s(wanted).forEach((asset) -> ids.add(asset.id()));
		// An address of a file since replaced still names its item.
		ids.addAll(this.formerFiles.mediaIdsBySha256s(wanted));
		return this.assets.findByIds(List.copyOf(ids))
			.stream()
			.sorted(java.util.Comparator.comparingLong(MediaAsset::id))
			.toList();
	}

	/** The files the item had before, most recently replaced first. */
	public List<FormerFile> formerFiles(long id) {
		return this.formerFiles.of(id);
	}

	/**
	 * Gives an item a new file, keeping its id, details and every reference to it:
	 * stories show the new file, and the former file's addresses lead to it. The former
	 * file is kept for the record. The new file is checked as an upload is, and must be
	 * of the same kind (an image for an image, a document for a document).
	 * @throws InvalidMediaException with a message for the {@code file} field; nothing
	 * changed
	 * @throws UnknownMediaException when there is no such item
	 */
	public MediaAsset replace(long id, String fileName, InputStream content, String by, String clientAddress) {
		MediaAsset asset = this.assets.find(id).orElseThrow(() -> new UnknownMediaException(id));
		String name = MediaRules.checkFileName(fileName);
		try (IncomingFile file = IncomingFile.copy(content, this.properties.maxUploadSize().toBytes())) {
			if (file.size() == 0) {
				throw InvalidMediaException.file("The file is empty (0 bytes). Choose the file again.");
			}
			FileType type = type(file, name);
			if (type.isImage() != asset.isImage()) {
				throw InvalidMediaException.file(asset.isImage()
						? "An image is replaced by another image, and this file is a " + type.label()
								+ ". Upload documents as new items."
						: "A document is replaced by another PDF document, and this file is a " + type.label()
								+ ". Upload images as new items.");
			}
			if (file.sha256().equals(asset.sha256())) {
				throw InvalidMediaException.file("This is the file the item already has. Choose the new file.");
			}
			Optional<MediaAsset> other = this.assets.findBySha256(file.sha256());
			if (other.isPresent()) {
				throw alreadyInLibrary(other.get());
			}
			boolean storedBefore = this.formerFiles.mediaIdBySha256(file.sha256()).isPresent();
			MediaDetails details = new MediaDetails(asset.title(), asset.altText(), asset.decorative(), asset.caption(),
					asset.credit());
			Instant now = this.clock.instant();
			MediaAsset replacement = type.isImage() ? storeImage(file, type, name, details, now, by)
					: storeDocument(file, name, details, now, by);
			try {
				return this.transactions.execute((status) -> switchFile(id, replacement, now, by, clientAddress));
			}
			catch (RuntimeException ex) {
				if (!storedBefore) {
					deleteFiles(replacement.fileNames());
				}
				if (ex instanceof DuplicateKeyException) {
					throw alreadyInLibrary(this.assets.findBySha256(file.sha256()).orElse(asset));
				}
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private MediaAsset switchFile(long id, MediaAsset replacement, Instant now, String by, String clientAddress) {
		MediaAsset current = this.assets.lock(id).orElseThrow(() -> new UnknownMediaException(id));
		List<FormerFile> before = this.formerFiles.of(id);
		Instant since = before.isEmpty() ? current.createdAt() : before.get(0).replacedAt();
		String sinceBy = before.isEmpty() ? current.createdBy() : before.get(0).replacedBy();
		this.formerFiles.keep(current, since, sinceBy, now, by);
		this.assets.replaceFile(id, replacement, now, by);
		this.audit.record(new AuditRecord(by, "media.replaced", "media", Long.toString(id),
				"Replaced the file of " + current.title() + ": " + current.fileName() + " (" + current.sha256()
						+ ") by " + replacement.fileName() + " (" + replacement.sha256() + ", "
						+ replacement.sizeLabel() + ").",
				clientAddress));
		this.events.publishEvent(new MediaChanged(id));
		return this.assets.find(id).orElseThrow();
	}

	private static InvalidMediaException alreadyInLibrary(MediaAsset other) {
		return InvalidMediaException.file("This file is already in the library as “" + other.title() + "” (number "
				+ other.id() + "). Use that item instead, or choose another file.");
	}

	/**
	 * Where a former file's address now leads: the item's current file, the rendition
	 * nearest the width asked for. Empty when the name was never one of the library's.
	 */
	Optional<String> currentAddress(String name) {
		String sha256 = name.substring(0, 64);
		return this.formerFiles.mediaIdBySha256(sha256).flatMap(this.assets::find).map((asset) -> {
			if (!asset.isImage()) {
				return asset.url();
			}
			int dash = name.indexOf('-');
			int wanted = (dash > 0) ? Integer.parseInt(name.substring(dash + 1, name.indexOf('.'))) : asset.width();
			int width = asset.renditions()
				.stream()
				.filter((w) -> w <= wanted)
				.reduce((a, b) -> b)
				.orElse(asset.renditions().get(0));
			return asset.url(width);
		});
	}

	public MediaPage search(MediaSearch search) {
		return this.assets.search(search);
	}

	/** Where the item is used; it cannot be deleted while this is not empty. */
	public List<MediaUse> usesOf(MediaAsset asset) {
		List<MediaUse> uses = new ArrayList<>();
		this.usages.orderedStream().forEach((usage) -> uses.addAll(usage.usesOf(asset)));
		return uses;
	}

	/**
	 * Changes an item's details; pages showing it change too.
	 * @throws InvalidMediaException with a message per field
	 * @throws UnknownMediaException when there is no such item
	 */
	@Transactional
	public MediaAsset update(long id, MediaDetails details, String by, String clientAddress) {
		MediaAsset asset = this.assets.find(id).orElseThrow(() -> new UnknownMediaException(id));
		MediaDetails checked = MediaRules.checkDetails(asset.kind(), details, asset.fileName());
		this.assets.updateDetails(id, checked, this.clock.instant(), by);
		this.audit.record(new AuditRecord(by, "media.updated", "media", Long.toString(id),
				"Saved the details of " + checked.title() + ".", clientAddress));
		this.events.publishEvent(new MediaChanged(id));
		return this.assets.find(id).orElseThrow();
	}

	/**
	 * Deletes an item and, once that is committed, its files.
	 * @throws MediaInUseException when a story (any revision of it) uses the item
	 * @throws UnknownMediaException when there is no such item
	 */
	@Transactional
	public void delete(long id, String by, String clientAddress) {
		MediaAsset asset = this.assets.lock(id).orElseThrow(() -> new UnknownMediaException(id));
		List<MediaUse> uses = usesOf(asset);
		if (!uses.isEmpty()) {
			throw new MediaInUseException(uses);
		}
		List<FormerFile> former = this.formerFiles.of(id);
		try {
			this.formerFiles.deleteOf(id);
			this.assets.delete(id);
		}
		catch (DataIntegrityViolationException ex) {
			// A revision took it as its image after the check: the key refused.
			throw new MediaInUseException(List.of(new MediaUse("A story saved just now", "/admin/articles")));
		}
		this.audit.record(new AuditRecord(by, "media.deleted", "media", Long.toString(id),
				"Deleted " + asset.title() + " (" + asset.fileName() + ", " + asset.sha256() + ").", clientAddress));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deleteUnshared(asset.sha256(), asset.fileNames());
				former.forEach((file) -> deleteUnshared(file.sha256(), file.fileNames()));
			}
		});
	}

	long maxUploadBytes() {
		return this.properties.maxUploadSize().toBytes();
	}

	private FileType type(IncomingFile file, String name) {
		FileType type = FileType.of(file.head()).orElse(null);
		if (type == null) {
			if (FileType.looksLikeSvg(file.head())) {
				throw InvalidMediaException.file("SVG images are not accepted: they can carry scripts that would run "
						+ "on the site. Export the image as PNG and upload that.");
			}
			String what = FileType.looksLikeHtml(file.head())
					? "This file is a web page or script, not an image or " + "a document. "
					: "This file is not one the library accepts. ";
			throw InvalidMediaException
				.file(what + "The library accepts JPEG, PNG, GIF and WebP images and PDF documents.");
		}
		if (!type.matchesName(name)) {
			throw InvalidMediaException
				.file("The file is named “" + name + "” but its content is a " + type.label() + ", which should end in "
						+ type.expectedExtensions() + ". Check that you chose the right file, or rename it.");
		}
		return type;
	}

	private MediaAsset storeImage(IncomingFile file, FileType type, String name, MediaDetails details, Instant now,
			String by) throws IOException {
		ImageRenditions.Result result = this.imageWork
			.run(() -> ImageRenditions.of(file.path(), type, this.properties.maxPixels()));
		try {
			for (Map.Entry<Integer, Path> rendition : result.files().entrySet()) {
				this.store.put(file.sha256() + "-" + rendition.getKey() + "." + result.extension(),
						rendition.getValue());
			}
		}
		finally {
			result.deleteFiles();
		}
		return new MediaAsset(0, file.sha256(), MediaKind.IMAGE, result.mediaType(), result.extension(), name,
				file.size(), result.width(), result.height(), List.copyOf(result.files().keySet()), details.title(),
				details.altText(), details.decorative(), details.caption(), details.credit(), now, by, now, by);
	}

	private MediaAsset storeDocument(IncomingFile file, String name, MediaDetails details, Instant now, String by)
			throws IOException {
		PdfCheck.check(file.path());
		this.store.put(file.sha256() + ".pdf", file.path());
		return new MediaAsset(0, file.sha256(), MediaKind.DOCUMENT, "application/pdf", "pdf", name, file.size(), null,
				null, List.of(), details.title(), "", false, details.caption(), details.credit(), now, by, now, by);
	}

	private Uploaded insert(MediaAsset asset, String clientAddress) {
		try {
			MediaAsset stored = this.transactions.execute((status) -> {
				long id = this.assets.insert(asset);
				this.audit.record(new AuditRecord(
						asset.createdBy(), "media.uploaded", "media", Long.toString(id), "Uploaded " + asset.title()
								+ " (" + asset.fileName() + ", " + asset.typeLabel() + ", " + asset.sizeLabel() + ").",
						clientAddress));
				return this.assets.find(id).orElseThrow();
			});
			return new Uploaded(stored, false);
		}
		catch (DuplicateKeyException ex) {
			// The same file was uploaded at the same moment; its files are the same.
			return new Uploaded(this.assets.findBySha256(asset.sha256()).orElseThrow(), true);
		}
	}

	/**
	 * Deletes the files, unless another item has them now or had them (the same file can
	 * be one item's current file and another's former one).
	 */
	private void deleteUnshared(String sha256, List<String> names) {
		if (this.assets.findBySha256(sha256).isEmpty() && this.formerFiles.mediaIdBySha256(sha256).isEmpty()) {
			deleteFiles(names);
		}
	}

	private void deleteFiles(List<String> names) {
		for (String name : names) {
			try {
				this.store.delete(name);
			}
			catch (IOException ex) {
				log.warn("Could not delete media file {}; it is no longer served", name, ex);
			}
		}
	}

}
