package org.gazette.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.audit.AuditFilter;
import org.gazette.audit.AuditLog;
import org.gazette.audit.AuditPage;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** Admins browse, filter and export the audit log. */
@Controller
class AuditController {

	private static final String SECTION = "/admin/audit";

	private final AuditLog audit;

	private final AdminChromeFactory chrome;

	private final SiteUrls urls;

	private final ZoneId zone;

	AuditController(AuditLog audit, AdminChromeFactory chrome, SiteUrls urls, GazetteProperties properties) {
		this.audit = audit;
		this.chrome = chrome;
		this.urls = urls;
		this.zone = properties.timeZone();
	}

	@GetMapping(SECTION)
	ModelAndView log(HttpServletRequest request, @ModelAttribute AuditForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		AuditFilter filter = filter(form, errors);
		if (!errors.isEmpty()) {
			return AdminViews.view("admin/audit",
					new AdminPages.AuditLogPage(this.chrome.chrome(request, "Audit log", SECTION), form, List.of(),
							null, null, null, errors),
					HttpStatus.BAD_REQUEST);
		}
		AuditPage page = this.audit.find(filter);
		String previous = (filter.page() > 1) ? link(SECTION, form, filter.page() - 1) : null;
		String next = page.hasMore() ? link(SECTION, form, filter.page() + 1) : null;
		return AdminViews.view("admin/audit",
				new AdminPages.AuditLogPage(this.chrome.chrome(request, "Audit log", SECTION), form, page.entries(),
						previous, next, link(SECTION + ".csv", form, 0), Map.of()));
	}

	@GetMapping(SECTION + ".csv")
	void csv(@ModelAttribute AuditForm form, HttpServletResponse response) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		AuditFilter filter = filter(form, errors);
		if (!errors.isEmpty()) {
			response.sendError(400);
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.audit.exportCsv(filter, out);
	}

	private AuditFilter filter(AuditForm form, Map<String, String> errors) {
		String actor = blankToNull(form.actor());
		if (actor != null && actor.length() > 254) {
			errors.put("actor", "Enter an email address of up to 254 characters.");
		}
		String action = blankToNull(form.action());
		if (action != null && !action.matches("[a-z0-9.-]{1,60}")) {
			errors.put("action", "Enter an action such as sign-in.failed, or the start of one such as sign-in.");
		}
		LocalDate from = date(form.from(), "from", errors);
		LocalDate to = date(form.to(), "to", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("to", "The last day must be on or after the first day.");
		}
		int page = 1;
		if (blankToNull(form.page()) != null) {
			try {
				page = Integer.parseInt(form.page());
			}
			catch (NumberFormatException ex) {
				page = 0;
			}
			if (page < 1 || page > 100_000) {
				errors.put("page", "There is no such page.");
			}
		}
		return new AuditFilter(actor, action, (from != null) ? from.atStartOfDay(this.zone).toInstant() : null,
				(to != null) ? to.plusDays(1).atStartOfDay(this.zone).toInstant() : null, Math.max(page, 1));
	}

	private static LocalDate date(String typed, String field, Map<String, String> errors) {
		String value = blankToNull(typed);
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				throw new DateTimeParseException("out of range", value, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter a date like 2026-11-27.");
			return null;
		}
	}

	private String link(String path, AuditForm form, int page) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("actor", form.actor());
		parameters.put("action", form.action());
		parameters.put("from", form.from());
		parameters.put("to", form.to());
		parameters.put("page", (page > 1) ? Integer.toString(page) : null);
		return this.urls.withQuery(path, parameters);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
