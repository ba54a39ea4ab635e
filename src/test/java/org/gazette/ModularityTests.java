package org.gazette;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Package by feature, verified: no module reaches into another's internals, and no
 * cycles.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(GazetteApplication.class).verify();
	}

}
