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

	private final MediaRepository assets;

	private final MediaStore store;

	private final MediaProperties properties;

	private final ObjectProvider<MediaUsage> usages;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MediaLibrary(MediaRepository assets, MediaStore store, MediaProperties properties,
			ObjectProvider<MediaUsage> usages, AuditLog audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.assets = assets;
		this.store = store;
		this.properties = properties;
		this.usages = usages;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
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
		try {
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
				deleteFiles(asset);
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
		ImageRenditions.Result result = ImageRenditions.of(file.path(), type, this.properties.maxPixels());
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

	private void deleteFiles(MediaAsset asset) {
		for (String name : asset.fileNames()) {
			try {
				this.store.delete(name);
			}
			catch (IOException ex) {
				log.warn("Could not delete media file {}; it is no longer served", name, ex);
			}
		}
	}

}
