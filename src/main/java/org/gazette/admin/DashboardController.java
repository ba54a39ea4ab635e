package org.gazette.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The back office's start page. */
@Controller
class DashboardController {

	private final AdminChromeFactory chrome;

	DashboardController(AdminChromeFactory chrome) {
		this.chrome = chrome;
	}

	@GetMapping("/admin")
	ModelAndView dashboard(HttpServletRequest request) {
		return AdminViews.view("admin/dashboard",
				new AdminPages.DashboardPage(this.chrome.chrome(request, "Dashboard", "/admin")));
	}

}
