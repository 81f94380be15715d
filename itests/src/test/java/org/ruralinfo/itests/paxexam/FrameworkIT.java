package org.ruralinfo.itests.paxexam;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bootDelegationPackage;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.ruralinfo.api.scoring.PolicyRef;
import org.ruralinfo.api.scoring.ScoringService;
import org.ruralinfo.exchange.examples.Examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real runtime (every jar of the assembled distribution's {@code boot/}, {@code bundle/} and
 * {@code deploy/}) in Apache Felix, started by Pax Exam's native container, with the framework
 * properties of {@code conf/config.properties}. The test methods run inside the framework (the
 * probe imports dynamically what it uses: OSGi, SCR's runtime API, org.ruralinfo.api, Jackson).
 *
 * <p>Run with {@code mvn -f itests/pom.xml test -Dtest=FrameworkIT} after the distribution was built.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkIT {
    /** The admin password given to the first start (≥ 10 characters, not containing the user name). */
    private static final String ADMIN_PASSWORD = "Pax-Exam-itest-2024";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    /** config.properties keys that belong to the launcher (bin/felix.jar) or that this test replaces. */
    private static final Set<String> LAUNCHER_ONLY = Set.of(
            "org.osgi.framework.storage", "org.osgi.framework.storage.clean",
            "org.osgi.framework.startlevel.beginning", "felix.startlevel.bundle",
            "org.osgi.framework.bootdelegation", "felix.fileinstall.dir");

    @Inject
    private BundleContext context;

    /** On the host: per test class, its run directory (framework storage, ruralinfo.home, config) and HTTP port. */
    private static final Map<String, Path> RUN_DIRS = new java.util.HashMap<>();
    private static final Map<String, Integer> RUN_PORTS = new java.util.HashMap<>();

    // ---------------------------------------------------------------- configuration (on the host)

    @Configuration
    public Option[] config() throws IOException {
        return runtime("framework");
    }

    /**
     * The options of the real runtime, for any Pax Exam test class: its own run directory and port
     * (Pax Exam calls a configuration more than once per class), the framework properties of
     * {@code conf/config.properties}, and every jar of {@code boot/}, {@code bundle/} and {@code deploy/}.
     */
    static Option[] runtime(String name) throws IOException {
        Path dist = Path.of(required("ruralinfo.dist")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException("no distribution at " + dist + ": run mvn install -DskipTests first");
        }
        // Pax Exam calls this method more than once per class: one run directory and port per class
        Path work;
        int runPort;
        synchronized (FrameworkIT.class) {
            if (!RUN_DIRS.containsKey(name)) {
                RUN_DIRS.put(name, Path.of(System.getProperty("ruralinfo.itest.work", "target/itest-work"))
                        .toAbsolutePath().normalize()
                        .resolve("paxexam")
                        .resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"))));
                RUN_PORTS.put(name, freeLoopbackPort());
            }
            work = RUN_DIRS.get(name);
            runPort = RUN_PORTS.get(name);
        }
        Path home = Files.createDirectories(work.resolve("home"));
        Path config = Files.createDirectories(work.resolve("config"));
        String port = Integer.toString(runPort);
        String host = "127.0.0.1";

        // Config Admin files as FileInstall reads them, but without FileInstall's own watcher configurations
        // (the deploy/ watcher): the deploy/ jars are provisioned below like every other jar.
        try (Stream<Path> cfgs = Files.list(dist.resolve("config"))) {
            for (Path cfg : cfgs.filter(Files::isRegularFile).toList()) {
                if (!cfg.getFileName().toString().startsWith("org.apache.felix.fileinstall")) {
                    Files.copy(cfg, config.resolve(cfg.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        Map<String, String> vars = Map.of(
                "ruralinfo.dist", dist.toString(),
                "ruralinfo.home", home.toString(),
                "ruralinfo.http.port", port,
                "ruralinfo.http.host", host);

        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(work.resolve("exam").toString()));
        options.add(bootDelegationPackage("com.sun.*")); // sun.* is Pax Exam's default; config.properties has both

        Properties product = new Properties();
        try (InputStream in = Files.newInputStream(dist.resolve("conf/config.properties"))) {
            product.load(in);
        }
        for (String key : product.stringPropertyNames()) {
            if (!key.startsWith("felix.auto.") && !LAUNCHER_ONLY.contains(key)) {
                options.add(frameworkProperty(key).value(substitute(product.getProperty(key), vars)));
            }
        }
        vars.forEach((k, v) -> options.add(frameworkProperty(k).value(v)));
        options.add(frameworkProperty("org.osgi.framework.storage").value(work.resolve("cache").toString()));
        options.add(frameworkProperty("org.osgi.framework.storage.clean").value("onFirstInit"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(config.toString()));
        options.add(frameworkProperty("felix.fileinstall.tmpdir").value(Files.createDirectories(work.resolve("tmp")).toString()));
        options.add(frameworkProperty("org.osgi.service.http.port").value(port));
        options.add(frameworkProperty("org.apache.felix.http.host").value(host));
        options.add(frameworkProperty("ruralinfo.admin.password").value(ADMIN_PASSWORD));
        options.add(frameworkProperty("gosh.args").value("--nointeractive")); // never read the fork's stdin
        // the public example year (the exchange bundle's test jar, on this class path) as a file for the tests
        options.add(frameworkProperty("ruralinfo.example.year")
                .value(Examples.copyTo(work.resolve("examples"), Examples.YEAR).toString()));
        // as bin/ruralinfo: the product's slf4j-simple (boot/) logs warnings and errors only
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));

        // SPI Fly + ASM + slf4j first (level 1), then the product (level 2) as config.properties has it;
        // Pax Exam's own bundles are at 2, its probe at 5.
        options.addAll(bundles(dist.resolve("boot"), 1));
        options.addAll(bundles(dist.resolve("bundle"), 2));
        options.addAll(bundles(dist.resolve("deploy"), 2));
        options.add(junitBundles());
        return options.toArray(Option[]::new);
    }

    private static List<Option> bundles(Path dir, int startLevel) throws IOException {
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> sorted = jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (sorted.isEmpty()) {
                throw new IllegalStateException("no jar in " + dir);
            }
            List<Option> options = new ArrayList<>();
            for (Path jar : sorted) {
                UrlProvisionOption option = bundle(jar.toUri().toString()).startLevel(startLevel);
                options.add(isFragment(jar) ? option.noStart() : option.start());
            }
            return options;
        }
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    private static String substitute(String value, Map<String, String> vars) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = vars.getOrDefault(m.group(1), System.getProperty(m.group(1)));
            if (v == null) {
                throw new IllegalStateException("config.properties uses ${" + m.group(1) + "}, which this test does not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (surefire sets it)");
        }
        return value;
    }

    // ---------------------------------------------------------------- tests (inside the framework)

    @Test
    public void everyBundleIsActiveAndEveryRuralinfoComponentIsSatisfied() throws Exception {
        awaitAllBundlesActive();

        // exactly the distribution's jars (by location), besides the system bundle and Pax Exam's own
        Path dist = Path.of(context.getProperty("ruralinfo.dist"));
        Set<String> expected = new TreeSet<>();
        for (String dir : List.of("boot", "bundle", "deploy")) {
            try (Stream<Path> jars = Files.list(dist.resolve(dir))) {
                jars.filter(j -> j.getFileName().toString().endsWith(".jar")).forEach(j -> expected.add(j.toUri().toString()));
            }
        }
        Set<String> installed = new TreeSet<>();
        List<String> foreign = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (location.startsWith("file:")) {
                installed.add(location);
            } else if (b.getBundleId() != 0 && !location.startsWith("link:classpath:META-INF/links/")
                    && !String.valueOf(b.getSymbolicName()).startsWith("PAXEXAM-PROBE")) {
                foreign.add(b.getSymbolicName() + " from " + location);
            }
        }
        assertEquals("bundles from the distribution", expected, installed);
        assertTrue("bundles from elsewhere: " + foreign, foreign.isEmpty());

        List<Bundle> ours = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.ruralinfo"))
                .toList();
        assertTrue("org.ruralinfo.scoring.bazhou (deploy/) installed: " + ours,
                ours.stream().anyMatch(b -> b.getSymbolicName().equals("org.ruralinfo.scoring.bazhou")));

        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Bundle[] ourArray = ours.toArray(Bundle[]::new);
        List<String> problems = poll(() -> componentProblems(scr, ourArray));
        if (!problems.isEmpty()) {
            fail("DS components of org.ruralinfo.* not active or satisfied:\n  " + String.join("\n  ", problems));
        }
        assertFalse("no DS component found in org.ruralinfo.*", scr.getComponentDescriptionDTOs(ourArray).isEmpty());
    }

    @Test
    public void healthAnswersUpOverLoopbackHttp() throws Exception {
        awaitAllBundlesActive();
        // Jetty may still be (re)starting with the Config Admin configuration from config/: retry refusals too
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpResponse<String> response = null;
        RuntimeException refused = null;
        while (System.nanoTime() < deadline) {
            try {
                response = get("/api/v1/health");
                refused = null;
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    break;
                }
            } catch (UncheckedIOException e) {
                refused = e;
            }
            Thread.sleep(200);
        }
        if (refused != null) {
            throw refused;
        }
        assertNotNull(response);
        assertEquals("GET /api/v1/health: " + response.body(), 200, response.statusCode());
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertEquals(health.toString(), "UP", health.path("status").asText());
        int active = health.path("bundles").path("active").asInt(-1);
        int total = health.path("bundles").path("total").asInt(-2);
        assertEquals("bundles active == total in " + health, total, active);
        assertTrue(health.toString(), total > 0);
        assertEquals(health.toString(), "bazhou", health.path("policy").path("id").asText());
    }

    @Test
    public void scoringServiceHasBazhouInForceAndOnlyTheConfiguredAdminPasswordLogsIn() throws Exception {
        awaitAllBundlesActive();
        ScoringService scoring = service(ScoringService.class);
        Optional<PolicyRef> inForce = scoring.policyInForce();
        assertTrue("no policy in force; installed: " + scoring.policies(), inForce.isPresent());
        assertEquals("bazhou", inForce.get().id());

        HttpResponse<String> wrong = post("/api/v1/session", "{\"username\":\"admin\",\"password\":\"admin\"}");
        assertEquals("admin/admin: " + wrong.body(), 401, wrong.statusCode());

        String env = System.getenv("RURALINFO_ADMIN_PASSWORD"); // takes precedence over the property
        String password = env != null && !env.isBlank() ? env : context.getProperty("ruralinfo.admin.password");
        assertEquals(ADMIN_PASSWORD, context.getProperty("ruralinfo.admin.password"));
        HttpResponse<String> right = post("/api/v1/session",
                new ObjectMapper().createObjectNode().put("username", "admin").put("password", password).toString());
        assertEquals("configured password: " + right.body(), 200, right.statusCode());
        String token = new ObjectMapper().readTree(right.body()).path("token").asText("");
        assertFalse("no token in " + right.body(), token.isBlank());
    }

    /**
     * Deny by default (issue #16, part 3): a servlet that any bundle registers on the default context under
     * {@code /api/} and that checks nothing itself is still not public; the product's servlet context asks for a
     * session first. The same servlet answers a logged-in admin.
     */
    @Test
    public void aServletThatForgetsItsCheckIsStillNotPublic() throws Exception {
        awaitAllBundlesActive();
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/api/v1/itest/forgetful");
        org.osgi.framework.ServiceRegistration<?> registration = context.registerService(jakarta.servlet.Servlet.class,
                new jakarta.servlet.http.HttpServlet() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void doGet(jakarta.servlet.http.HttpServletRequest req,
                            jakarta.servlet.http.HttpServletResponse resp) throws IOException {
                        resp.setContentType("text/plain;charset=UTF-8");
                        resp.getWriter().write("the unchecked secret");
                    }
                }, props);
        try {
            List<HttpResponse<String>> anonymous = new ArrayList<>();
            poll(() -> {
                HttpResponse<String> r = get("/api/v1/itest/forgetful");
                anonymous.add(0, r);
                return r.statusCode() == 404 ? List.of("not registered yet") : List.<String>of();
            });
            HttpResponse<String> r = anonymous.get(0);
            assertEquals(r.body(), 401, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertFalse(r.body(), r.body().contains("secret"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));

            HttpResponse<String> login = post("/api/v1/session", new ObjectMapper().createObjectNode()
                    .put("username", "admin").put("password", ADMIN_PASSWORD).toString());
            String token = new ObjectMapper().readTree(login.body()).path("token").asText();
            HttpResponse<String> admin = send(HttpRequest.newBuilder(uri("/api/v1/itest/forgetful"))
                    .header("Authorization", "Bearer " + token).GET());
            assertEquals(admin.body(), 200, admin.statusCode());
            assertEquals("the unchecked secret", admin.body());
        } finally {
            registration.unregister();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void awaitAllBundlesActive() throws InterruptedException {
        List<String> notActive = poll(() -> Arrays.stream(context.getBundles())
                .filter(b -> b.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .filter(b -> b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + state(b.getState()))
                .toList());
        if (!notActive.isEmpty()) {
            fail("bundles not ACTIVE after " + STARTUP + ": " + notActive);
        }
    }

    private static List<String> componentProblems(ServiceComponentRuntime scr, Bundle[] bundles) {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles)) {
            String name = d.bundle.symbolicName + "/" + d.name;
            if (!scr.isComponentEnabled(d)) {
                problems.add(name + ": disabled");
                continue;
            }
            Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
            if (configs.isEmpty()) {
                problems.add(name + ": no configuration (configuration-policy " + d.configurationPolicy
                        + ", pids " + Arrays.toString(d.configurationPid) + ")");
            }
            for (ComponentConfigurationDTO c : configs) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    problems.add(name + ": " + componentState(c.state)
                            + (c.failure != null ? " failure=" + rootCause(c.failure) : "")
                            + " unsatisfied=" + Arrays.stream(c.unsatisfiedReferences)
                                    .map(FrameworkIT::describe).toList());
                }
            }
        }
        return problems;
    }

    /** The first line of a stack trace text and of its innermost "Caused by:". */
    private static String rootCause(String stackTrace) {
        List<String> lines = stackTrace.lines().toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        String cause = lines.stream().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b).orElse(null);
        return cause == null ? first : first + " / " + cause;
    }

    private static String describe(UnsatisfiedReferenceDTO r) {
        return r.name + (r.target != null ? " " + r.target : "");
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(STARTUP.toMillis());
            assertNotNull(type.getName() + " not registered within " + STARTUP, service);
            return service;
        } finally {
            // the service objects stay usable for the test; the tracker is only the wait
            tracker.close();
        }
    }

    /** Polls {@code problems} until it is empty or {@link #STARTUP} has passed; returns the last problems. */
    private static List<String> poll(Supplier<List<String>> problems) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        List<String> last = problems.get();
        while (!last.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = problems.get();
        }
        return last;
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> Integer.toString(state);
        };
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> Integer.toString(state);
        };
    }
}
