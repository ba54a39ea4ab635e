package org.gazette.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.GazetteApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-shot command runs in a child JVM tuned for short work: real JVMs started as an
 * operator starts Gazette ({@link CommandJvmProbe} starts as {@code GazetteApplication}
 * does, without the application).
 */
class CommandJvmTests {

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private static final Pattern PID = Pattern.compile("pid: (\\d+)");

	@Test
	void aCommandRunsInAChildJvmWithTheQuickCompilerAndTheParentsOptions() throws Exception {
		Run run = run(Map.of(), List.of("-Xmx300m", "-Dgazette.probe=kept"), "echo", "3");
		assertThat(run.status()).isEqualTo(3);
		assertThat(pidIn(run.out())).isNotEqualTo(run.pid());
		assertThat(run.out())
			.contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx300m", "-Dgazette.probe=kept",
					"-Dgazette.command-jvm.parent=" + run.pid())
			.contains("read: a line typed by the operator");
		assertThat(run.err()).isEqualTo("a line on standard error" + System.lineSeparator());
	}

	@Test
	void optionsFromTheEnvironmentReachTheChildOnce() throws Exception {
		Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Dgazette.probe=from-the-environment"), List.of(), "echo", "0");
		assertThat(run.status()).isZero();
		assertThat(pidIn(run.out())).isNotEqualTo(run.pid());
		String options = run.out().lines().filter((line) -> line.startsWith("options: ")).findFirst().orElseThrow();
		assertThat(options.split("-Dgazette.probe=from-the-environment", -1)).hasSize(2);
		// The JVM announces options it took from the variable: the parent once, the
		// child not at all.
		assertThat(run.err().split("Picked up JAVA_TOOL_OPTIONS", -1)).hasSize(2);
	}

	@Test
	void theOperatorsOwnTuningOrTheOptOutRunsTheCommandInTheSameJvm() throws Exception {
		Run tuned = run(Map.of(), List.of("-XX:TieredStopAtLevel=4"), "echo", "0");
		Run variable = run(Map.of("GAZETTE_COMMAND_JVM", "same"), List.of(), "echo", "0");
		Run property = run(Map.of(), List.of("-Dgazette.command-jvm=same"), "echo", "0");
		for (Run run : List.of(tuned, variable, property)) {
			assertThat(run.status()).isZero();
			assertThat(pidIn(run.out())).isEqualTo(run.pid());
			assertThat(run.out()).doesNotContain("-XX:TieredStopAtLevel=1", "gazette.command-jvm.parent")
				.contains("read: a line typed by the operator");
		}
	}

	@Test
	void aCollectorChosenByTheOperatorIsKept() throws Exception {
		Run run = run(Map.of(), List.of("-XX:+UseParallelGC"), "echo", "0");
		assertThat(run.status()).isZero();
		assertThat(pidIn(run.out())).isNotEqualTo(run.pid());
		assertThat(run.out()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC").doesNotContain("UseSerialGC");
	}

	@Test
	void theServerHelpAndVersionRunInTheSameJvm() {
		List<String> none = List.of();
		assertThat(CommandJvm.wanted(new String[] { "export-static", "out" }, none, null, null)).isTrue();
		assertThat(CommandJvm.wanted(new String[] { "--verbose", "backup", "--spring.x.y=z", "dir" }, none, null, null))
			.isTrue();
		assertThat(CommandJvm.wanted(new String[0], none, null, null)).isFalse();
		assertThat(CommandJvm.wanted(new String[] { "--server.port=9000" }, none, null, null)).isFalse();
		assertThat(CommandJvm.wanted(new String[] { "serve", "--server.port=9000" }, none, null, null)).isFalse();
		for (String longRunning : List.of("import-wxr", "import-feed", "import", "export", "reindex")) {
			assertThat(CommandJvm.wanted(new String[] { longRunning, "file" }, none, null, null)).as(longRunning)
				.isFalse();
		}
		assertThat(CommandJvm.wanted(new String[] { "create-admin", "--email=a@example.gov" }, none, null, null))
			.isTrue();
		assertThat(CommandJvm.wanted(new String[] { "export", "--help" }, none, null, null)).isFalse();
		assertThat(CommandJvm.wanted(new String[] { "-V" }, none, null, null)).isFalse();
		assertThat(
				CommandJvm.wanted(new String[] { "backup" }, List.of("-agentlib:jdwp=transport=dt_socket"), null, null))
			.isFalse();
		assertThat(
				CommandJvm.wanted(new String[] { "backup" }, List.of("-XX:ArchiveClassesAtExit=app.jsa"), null, null))
			.isFalse();
		assertThat(CommandJvm.wanted(new String[] { "backup" }, List.of("-XX:StartFlightRecording=filename=a.jfr"),
				null, null))
			.isFalse();
		assertThat(CommandJvm.wanted(new String[] { "backup" }, List.of("-Xmx1g", "-Dfile.encoding=UTF-8"), null, null))
			.isTrue();
	}

	@Test
	void theChildIsStartedAsTheParentWas() {
		assertThat(CommandJvm.mainOf("/srv/gazette.jar export-static out", "/srv/gazette.jar", null))
			.contains(List.of("-jar", "/srv/gazette.jar"));
		assertThat(CommandJvm.mainOf("org.gazette.GazetteApplication reindex", "a.jar:b.jar", null))
			.contains(List.of("-cp", "a.jar:b.jar", "org.gazette.GazetteApplication"));
		assertThat(CommandJvm.mainOf("gazette/org.gazette.GazetteApplication reindex", "", "org.gazette")).isEmpty();
	}

	@Test
	void aParentKilledOutrightLeavesNoChildRunning() throws Exception {
		Process parent = start(Map.of(), List.of(), "wait");
		String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		long child = pidIn(line);
		assertThat(child).isNotEqualTo(parent.pid());
		assertThat(ProcessHandle.of(child)).isPresent();
		parent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		CompletableFuture<ProcessHandle> gone = ProcessHandle.of(child)
			.map(ProcessHandle::onExit)
			.orElse(CompletableFuture.completedFuture(null));
		gone.get(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
	}

	@Test
	void aParentStoppedPoliteStopsItsChildFirst() throws Exception {
		Process parent = start(Map.of(), List.of(), "wait");
		String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		ProcessHandle child = ProcessHandle.of(pidIn(line)).orElseThrow();
		parent.destroy();
		assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(child.isAlive()).isFalse();
	}

	@Test
	void gazettesCommandRunsInAChildAndPrintsAsBefore() throws Exception {
		String database = "--spring.datasource.url=jdbc:h2:mem:cmd-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		List<String> command = new ArrayList<>(
				List.of(JAVA, "-cp", System.getProperty("java.class.path"), GazetteApplication.class.getName(),
						"create-admin", "Chief@Agency.gov", database, "--gazette.demo-content=false",
						"--gazette.search.index-directory=target/test-search-index/" + UUID.randomUUID()));
		Process gazette = new ProcessBuilder(command).start();
		gazette.getOutputStream().close();
		CompletableFuture<String> err = readAll(gazette, true);
		String out = new String(gazette.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(gazette.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(gazette.exitValue()).as(out + err.get()).isZero();
		assertThat(out).startsWith("Admin account created for chief@agency.gov.")
			.containsPattern("http://localhost:8080/admin/set-password/[A-Za-z0-9_-]{43}");
	}

	private static Run run(Map<String, String> environment, List<String> options, String... args) throws Exception {
		Process parent = start(environment, options, args);
		try (OutputStream in = parent.getOutputStream()) {
			in.write(("a line typed by the operator" + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
		}
		CompletableFuture<String> err = readAll(parent, true);
		String out = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(parent.exitValue(), parent.pid(), out, err.get());
	}

	private static Process start(Map<String, String> environment, List<String> options, String... args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(JAVA);
		command.addAll(options);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), CommandJvmProbe.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove("GAZETTE_COMMAND_JVM");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().putAll(environment);
		return builder.start();
	}

	private static CompletableFuture<String> readAll(Process process, boolean err) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return new String((err ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
						StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static long pidIn(String out) {
		Matcher matcher = PID.matcher(out);
		assertThat(matcher.find()).as(out).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	record Run(int status, long pid, String out, String err) {
	}

}
