package org.gazette.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.admin.ArticleListPages.Option;
import org.gazette.media.InvalidMediaException;
import org.gazette.media.MediaBusyException;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaInUseException;
import org.gazette.media.MediaKind;
import org.gazette.media.MediaLibrary;
import org.gazette.media.MediaPage;
import org.gazette.media.MediaProperties;
import org.gazette.media.MediaSearch;
import org.gazette.media.Uploaded;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The media library: everyone in the back office uploads and browses; contributors change
 * the details of their own uploads, editors and up of any; editors and up delete items no
 * story uses.
 */
@Controller
class MediaLibraryController {

	static final String SECTION = "/admin/media";

	private final MediaLibrary library;

	private final AdminChromeFactory chrome;

	private final DataSize maxUpload;

	private final AdminFormats formats;

	MediaLibraryController(MediaLibrary library, AdminChromeFactory chrome, MediaProperties properties,
			AdminFormats formats) {
		this.library = library;
		this.formats = formats;
		this.chrome = chrome;
		this.maxUpload = properties.maxUploadSize();
	}

	@GetMapping(SECTION)
	ModelAndView list(HttpServletRequest request, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "1") String page,
			@RequestParam(required = false) String deleted) {
		return library(request, q, kind, page, MediaForm.EMPTY, Map.of(), (deleted != null) ? "Deleted." : null,
				HttpStatus.OK);
	}

	@PostMapping(SECTION)
	ModelAndView upload(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) MultipartFile file, @ModelAttribute MediaForm form) {
		if (file == null
				|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return library(request, "", "", "1", form, Map.of("file", "Choose a file to upload."), null,
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		try (InputStream content = file.getInputStream()) {
			Uploaded uploaded = this.library.upload(file.getOriginalFilename(), content, form.toDetails(),
					actor().email(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + uploaded.asset().id()
					+ (uploaded.reused() ? "?reused" : "?uploaded"));
		}
		catch (InvalidMediaException ex) {
			return library(request, "", "", "1", form, ex.byField(), null, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (MediaBusyException ex) {
			busy(response, ex);
			return library(request, "", "", "1", form, Map.of("file", ex.getMessage()), null,
					HttpStatus.SERVICE_UNAVAILABLE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(SECTION + "/{id}")
	ModelAndView item(HttpServletRequest request, @PathVariable long id,
			@RequestParam(required = false) String uploaded, @RequestParam(required = false) String reused,
			@RequestParam(required = false) String saved, @RequestParam(required = false) String replaced) {
		MediaAsset asset = require(id);
		String notice = (uploaded != null) ? "Uploaded. Use it in a story with the Markdown below."
				: (reused != null)
						? "This file was already in the library, so nothing new was stored. "
								+ "Here it is, with the details it was given then."
						: (saved != null) ? "Changes saved."
								: (replaced != null) ? "File replaced. Stories that use it show the new file." : null;
		return item(request, asset, MediaForm.of(asset), notice, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}")
	ModelAndView save(HttpServletRequest request, @PathVariable long id, @ModelAttribute MediaForm form) {
		MediaAsset asset = require(id);
		if (!mayEdit(asset, actor())) {
			throw new AccessDeniedException("Only editors change other people's uploads.");
		}
		try {
			this.library.update(id, form.toDetails(), actor().email(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + id + "?saved");
		}
		catch (InvalidMediaException ex) {
			return item(request, asset, form, null, ex.byField(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(SECTION + "/{id}/replace")
	ModelAndView replace(HttpServletRequest request, HttpServletResponse response, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file) {
		MediaAsset asset = require(id);
		if (!mayEdit(asset, actor())) {
			throw new AccessDeniedException("Only editors replace the files of other people's uploads.");
		}
		if (file == null
				|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			return item(request, asset, MediaForm.of(asset), null,
					Map.of("replacement", "Choose the new file to upload."), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		try (InputStream content = file.getInputStream()) {
			this.library.replace(id, file.getOriginalFilename(), content, actor().email(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "/" + id + "?replaced");
		}
		catch (InvalidMediaException ex) {
			return item(request, asset, MediaForm.of(asset), null,
					Map.of("replacement", String.join(" ", ex.byField().values())), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (MediaBusyException ex) {
			busy(response, ex);
			return item(request, asset, MediaForm.of(asset), null, Map.of("replacement", ex.getMessage()),
					HttpStatus.SERVICE_UNAVAILABLE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping(SECTION + "/{id}/delete")
	ModelAndView delete(HttpServletRequest request, @PathVariable long id) {
		MediaAsset asset = require(id);
		try {
			this.library.delete(id, actor().email(), request.getRemoteAddr());
			return new ModelAndView("redirect:" + SECTION + "?deleted");
		}
		catch (MediaInUseException ex) {
			return item(request, asset, MediaForm.of(asset), null,
					Map.of("delete", "It cannot be deleted while stories use it. Remove it from them first."),
					HttpStatus.CONFLICT);
		}
	}

	/** Tells the browser, and any script uploading, when to try again. */
	private static void busy(HttpServletResponse response, MediaBusyException ex) {
		response.setHeader("Retry-After", Long.toString(ex.retryAfter().toSeconds()));
	}

	private ModelAndView library(HttpServletRequest request, String q, String kind, String page, MediaForm form,
			Map<String, String> errors, String notice, HttpStatus status) {
		MediaKind chosen = MediaKind.fromCode(kind).orElse(null);
		int number = page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1;
		MediaPage found = this.library.search(new MediaSearch(q, chosen, number));
		List<Option> kinds = List.of(new Option("image", "Images", chosen == MediaKind.IMAGE),
				new Option("document", "Documents", chosen == MediaKind.DOCUMENT));
		AdminChrome chrome = this.chrome.chrome(request, "Media library", SECTION);
		String action = SECTION + "?" + chrome.csrfParameter() + "=" + chrome.csrfToken();
		return AdminViews.view("admin/media",
				new MediaPages.LibraryPage(chrome, q, kinds, found.items(), found.total(),
						found.hasPrevious() ? pageUrl(q, kind, found.page() - 1) : null,
						found.hasNext() ? pageUrl(q, kind, found.page() + 1) : null, form, errors, notice,
						(this.maxUpload.toMegabytes() > 0) ? this.maxUpload.toMegabytes() + " MB"
								: this.maxUpload.toKilobytes() + " KB",
						action),
				status);
	}

	private ModelAndView item(HttpServletRequest request, MediaAsset asset, MediaForm form, String notice,
			Map<String, String> errors, HttpStatus status) {
		SignedInUser user = actor();
		AdminChrome chrome = this.chrome.chrome(request, asset.title(), SECTION);
		String replaceAction = SECTION + "/" + asset.id() + "/replace?" + chrome.csrfParameter() + "="
				+ chrome.csrfToken();
		return AdminViews.view("admin/mediaItem",
				new MediaPages.ItemPage(chrome, asset, form, this.library.usesOf(asset), mayEdit(asset, user),
						user.can(Role.EDITOR), notice, errors, this.library.formerFiles(asset.id()), replaceAction,
						this.formats),
				status);
	}

	private static String pageUrl(String q, String kind, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(SECTION);
		if (!q.isBlank()) {
			url.queryParam("q", q);
		}
		if (!kind.isBlank()) {
			url.queryParam("kind", kind);
		}
		return url.queryParam("page", page).encode().build().toUriString();
	}

	/** Contributors change their own uploads; editors and up, any. */
	static boolean mayEdit(MediaAsset asset, SignedInUser user) {
		return user.can(Role.EDITOR) || user.email().equals(asset.createdBy());
	}

	private MediaAsset require(long id) {
		return this.library.find(id).orElseThrow(AdminNotFoundException::new);
	}

	private static SignedInUser actor() {
		return AdminChromeFactory.currentUser();
	}

}
