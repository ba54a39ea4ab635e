package org.gazette.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A publisher's "Try again" on release work that Gazette gave up on (shown on the
 * dashboard), once whatever made it fail is fixed.
 */
@Controller
class ReleaseWorkController {

	private final AuditedChanges changes;

	ReleaseWorkController(AuditedChanges changes) {
		this.changes = changes;
	}

	@PostMapping("/admin/release-work/{task}/retry")
	ModelAndView retry(HttpServletRequest request, @PathVariable long task) {
		this.changes.retryReleaseWork(task, AdminChromeFactory.currentUser(), request.getRemoteAddr())
			.orElseThrow(AdminNotFoundException::new);
		ModelAndView view = new ModelAndView("redirect:/admin?retried");
		view.setStatus(HttpStatus.SEE_OTHER);
		return view;
	}

}
