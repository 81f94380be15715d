package org.ruralinfo.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The staff console in a real browser (issue 10): Debian's headless Chromium driven through ChromeDriver, both at
 * their fixed system paths (nothing is ever downloaded: the driver executable is given, so Selenium Manager is not
 * run), against the running distribution. A korla officer drafts with an attachment and submits, the unit's
 * reviewer and signer pass it on, the editor accepts and adopts it, and the ranking opens korla's score into the
 * line {@code Art.19(1)} of {@code item:<id>}; luntai's officer cannot reach it; a {@code <script>} title is text;
 * only the admin sees 系统管理; the ranking table and the media form (附件二) download as spreadsheets, the admin registers another
 * installation's public key, and an exchange package travels out and in again through the file controls. A PNG of
 * every page goes to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String PASSWORD = "Itest-Secret-2026";
    private static final String USER_PASSWORD = "Unit-Secret-2026";
    private static final String TITLE = "库尔勒市庭院经济带动农户增收";
    private static final String SCRIPT_TITLE = "<script>alert(1)</script>";

    private static Distribution dist;
    private static String admin;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static Path shots;
    private static Path userData;
    private static Path downloads;
    private static String itemId;
    private static long started;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed at /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install chromium chromium-driver); no browser is ever downloaded, so this test is skipped");
        started = System.nanoTime();
        dist = new Distribution(Distribution.work("console"), PASSWORD).start();
        admin = dist.login("admin", PASSWORD);
        assertEquals(200, dist.post("/api/v1/exchange", admin, """
                {"format": "ruralinfo-exchange/1", "prefecture": "bazhou",
                 "units": [{"id": "korla", "name": "库尔勒市乡村振兴局", "kind": "county"},
                           {"id": "luntai", "name": "轮台县乡村振兴局", "kind": "county"},
                           {"id": "stats", "name": "宣教统计科", "kind": "department"}]}""").statusCode());
        createUser("korla-officer", "库尔勒信息员", "officer", "korla");
        createUser("korla-reviewer", "库尔勒审核人", "reviewer", "korla");
        createUser("korla-signer", "库尔勒签发人", "signer", "korla");
        createUser("luntai-officer", "轮台信息员", "officer", "luntai");
        createUser("editor", "宣教统计科编辑", "editor", null);

        shots = Path.of(System.getProperty("basedir", "."), "target", "screenshots").toAbsolutePath();
        Files.createDirectories(shots);
        userData = Files.createTempDirectory("ruralinfo-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + userData, "--window-size=1366,768", "--lang=zh-CN");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        downloads = Files.createTempDirectory("ruralinfo-downloads-");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(service, options);
        // headless: downloads are written without asking, into a folder of the test's own
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (dist != null) {
                dist.stop();
                dist.close();
            }
            for (Path dir : new Path[] {userData, downloads}) {
                if (dir != null) {
                    try (var paths = Files.walk(dir)) {
                        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            if (started != 0) {
                System.out.printf("ConsoleBrowserTest: %.1f s including the distribution's start%n",
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void createUser(String username, String name, String role, String unit) throws Exception {
        ObjectNode u = Distribution.JSON.createObjectNode().put("username", username).put("name", name)
                .put("password", USER_PASSWORD);
        if (unit != null) {
            u.put("unit", unit);
        }
        u.putArray("roles").add(role);
        HttpResponse<String> r = dist.post("/api/v1/users", admin, u.toString());
        assertEquals(201, r.statusCode(), r.body());
    }

    // ---- browser helpers ----------------------------------------------------------------------------------

    private static String base() {
        return "http://127.0.0.1:" + dist.port + "/";
    }

    /** A fresh login of {@code user} through the login form (the old session's cookies are dropped first). */
    private static void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base());
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), "（"));
    }

    private static void go(String hash) {
        driver.get(base() + "#" + hash);
    }

    private static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve(name + ".png"), png);
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void status(String text) {
        wait.until(ExpectedConditions.textToBe(By.id("item-status"), text));
    }

    private static void act(String action) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-action='" + action + "']"))).click();
    }

    private static boolean navShows(String label) {
        return driver.findElements(By.cssSelector("#nav a")).stream()
                .anyMatch(a -> a.isDisplayed() && a.getText().equals(label));
    }

    private static void openFromQueue(String queueTab) {
        go("items");
        visible(By.cssSelector("button[data-tab='" + queueTab + "']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(TITLE))).click();
        wait.until(ExpectedConditions.textToBe(By.id("item-title-view"), TITLE));
    }

    /** @return the file the browser finished downloading whose name ends so (a partial one ends in .crdownload) */
    private static Path downloaded(String suffix) {
        return wait.until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * @return the names of a ZIP file's entries, and the text of its XML entries joined; read through the
     *         central directory, as spreadsheet programs do
     */
    private static List<String> zipEntries(Path zip, StringBuilder xml) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                names.add(e.getName());
                if (e.getName().endsWith(".xml")) {
                    try (InputStream in = z.getInputStream(e)) {
                        // the spreadsheet writer escapes every non-ASCII character (&#x5e93;)
                        xml.append(Pattern.compile("&#x([0-9a-fA-F]+);").matcher(
                                new String(in.readAllBytes(), StandardCharsets.UTF_8))
                                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16)))));
                    }
                }
            }
        }
        return names;
    }

    // ---- the flow ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void anOfficerDraftsWithAnAttachmentAndSubmits() throws Exception {
        driver.get(base());
        visible(By.id("login-form"));
        shot("01-login");
        login("korla-officer", USER_PASSWORD);
        assertFalse(navShows("系统管理"), "an officer has no 系统管理");
        assertTrue(navShows("信息报送"));
        visible(By.id("new-item")).click();
        new Select(visible(By.id("item-type"))).selectByValue("work_results");
        driver.findElement(By.id("item-title")).sendKeys(TITLE);
        driver.findElement(By.id("item-body")).sendKeys("今年以来，库尔勒市因地制宜发展庭院经济，带动2300余户农户户均增收3200元。");
        Path photo = Files.createTempFile("现场", ".jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1});
        driver.findElement(By.id("item-files")).sendKeys(photo.toString());
        shot("02-officer-draft-form");
        driver.findElement(By.id("save-submit")).click();
        wait.until(ExpectedConditions.urlMatches("#items/(?!new)[^/?]+$"));
        Matcher m = Pattern.compile("#items/([^/?]+)$").matcher(driver.getCurrentUrl());
        assertTrue(m.find());
        itemId = java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        status("待审核");
        visible(By.cssSelector("a.download"));
        assertEquals(photo.getFileName().toString(), driver.findElement(By.cssSelector("a.download")).getText());
        assertTrue(driver.findElement(By.id("copy-check")).isDisplayed(), "the copy check beside the text");
        shot("03-officer-item-submitted");
        go("admin");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#view .page"), "data-page", "items"));
        shot("04-officer-items-list");
    }

    @Test
    @Order(2)
    void theReviewerAndTheSignerPassItOn() throws Exception {
        login("korla-reviewer", USER_PASSWORD);
        openFromQueue("review");
        act("approve");
        status("待签发");
        shot("05-reviewer-approved");
        login("korla-signer", USER_PASSWORD);
        openFromQueue("sign");
        act("sign");
        status("待筛选（已报州局）");
        shot("06-signer-signed");
    }

    @Test
    @Order(3)
    void theEditorAcceptsAndAdopts() throws Exception {
        login("editor", USER_PASSWORD);
        openFromQueue("screen");
        shot("07-editor-screening");
        act("accept");
        status("已采用入库");
        WebElement issue = visible(By.id("adopt-issue"));
        new Select(driver.findElement(By.id("adopt-level"))).selectByValue("prefecture_briefing");
        issue.sendKeys("2025年第12期");
        driver.findElement(By.id("adopt-save")).click();
        visible(By.cssSelector("button[data-withdraw='prefecture_briefing']"));
        assertTrue(driver.findElement(By.id("item-messages")).getText().contains("已记录录用"));
        shot("08-editor-adopted");
    }

    @Test
    @Order(4)
    void theRankingShowsTheExplainedPoints() throws Exception {
        login("editor", USER_PASSWORD);
        go("rankings");
        WebElement korla = visible(By.cssSelector("section[data-kind='county'] tr[data-unit='korla']"));
        visible(By.cssSelector("section[data-kind='county'] svg.chart rect.bar"));
        korla.click();
        WebElement line = visible(By.cssSelector("tr.line[data-ref='item:" + itemId + "']"));
        assertEquals("Art.19(1)", line.findElement(By.cssSelector("td.rule")).getText());
        assertEquals("+5", line.findElement(By.cssSelector("td.num")).getText());
        assertEquals("item:" + itemId, line.findElement(By.cssSelector("a.ref")).getText());
        shot("09-ranking-explained");
        Select compare = new Select(driver.findElement(By.id("rank-compare")));
        if (compare.getOptions().size() > 1) { // what-if under another installed policy, side by side
            compare.selectByIndex(1);
            driver.findElement(By.id("rank-go")).click();
            visible(By.xpath("//section[@data-kind='county']//th[text()='测算总分']"));
            visible(By.cssSelector("section[data-kind='county'] svg.chart rect.bar.alt"));
            shot("09b-ranking-what-if");
        }
        driver.manage().window().setSize(new Dimension(820, 1180));
        try {
            visible(By.cssSelector("tr.line[data-ref='item:" + itemId + "']"));
            shot("10-ranking-tablet");
            go("items/" + itemId);
            status("已采用入库");
            shot("11-item-tablet");
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 768));
        }
        go("notices");
        visible(By.cssSelector("#view details.card > summary")).click();
        visible(By.id("notice-title")).sendKeys("乡村振兴庭院经济专题约稿");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("notice-deadline")), "2030-01-15T18:00");
        driver.findElement(By.cssSelector("#notice-units input[value='korla']")).click();
        driver.findElement(By.id("notice-issue")).click();
        wait.until(ExpectedConditions.urlMatches("#notices/[^/]+$"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "待报送"));
        shot("12a-notice-issued");
        for (String[] page : List.of(new String[] {"notices", "12-notices"}, new String[] {"supervision", "13-supervision"},
                new String[] {"archive", "14-archive"})) {
            go(page[0]);
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#view .page"), "data-page", page[0]));
            wait.until(d -> d.findElements(By.cssSelector("#view .page .card, #view .page p.notice, #view .page p.error")).size() > 0);
            wait.until(d -> d.findElements(By.xpath("//*[contains(@class,'muted') and text()='正在加载…']")).isEmpty());
            shot(page[1]);
        }
    }

    @Test
    @Order(5)
    void anOfficerOfAnotherUnitCannotReachIt() throws Exception {
        login("luntai-officer", USER_PASSWORD);
        go("items/" + itemId);
        WebElement error = visible(By.id("item-error"));
        assertTrue(error.getText().contains("无权查看"), error.getText());
        assertFalse(driver.getPageSource().contains(TITLE));
        shot("15-other-unit-refused");
        go("items");
        visible(By.cssSelector("button[data-tab='all']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-count"), "共 0 条"));
        assertFalse(driver.getPageSource().contains(TITLE));
    }

    @Test
    @Order(6)
    void aScriptTitleRendersAsText() throws Exception {
        login("korla-officer", USER_PASSWORD);
        go("items/new");
        visible(By.id("item-title")).sendKeys(SCRIPT_TITLE);
        driver.findElement(By.id("item-body")).sendKeys("<img src=x onerror=alert(2)> 正文");
        driver.findElement(By.id("save-draft")).click();
        WebElement title = visible(By.id("item-title-view"));
        wait.until(ExpectedConditions.textToBe(By.id("item-title-view"), SCRIPT_TITLE));
        assertEquals(SCRIPT_TITLE, title.getText());
        assertTrue(driver.findElement(By.id("item-body-view")).getText().startsWith("<img src=x onerror=alert(2)>"));
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('#view script, #view img').length;"));
        shot("16-script-title-as-text");
        go("items");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(SCRIPT_TITLE)));
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        shot("17-script-title-in-list");

        // an emergency report: the 2-hour clock counts down on the item and in the list
        String officer = dist.login("korla-officer", USER_PASSWORD);
        String occurred = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusMinutes(30)
                .withNano(0).toString();
        HttpResponse<String> created = dist.post("/api/v1/items", officer, Distribution.JSON.createObjectNode()
                .put("type", "emergency").put("title", "和静县突发山洪灾情首报").put("body", "今日14时许，和静县发生山洪。")
                .put("occurred_at", occurred).toString());
        assertEquals(201, created.statusCode(), created.body());
        go("items/" + Distribution.json(created).path("id").asText());
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".meta span.clock"), Pattern.compile("^剩余 1小时\\d+分")));
        shot("18-emergency-clock");
        go("items");
        wait.until(ExpectedConditions.textMatches(By.cssSelector("td span.clock"), Pattern.compile("^剩余 ")));
        shot("18b-emergency-clock-in-list");
    }

    @Test
    @Order(7)
    void onlyTheAdminSeesSystemAdministration() throws Exception {
        login("admin", PASSWORD);
        assertTrue(navShows("系统管理"));
        assertFalse(navShows("信息报送"), "the IT admin has no items to handle");
        driver.findElement(By.linkText("系统管理")).click();
        visible(By.id("user-form"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "korla-officer"));
        driver.findElement(By.id("new-username")).sendKeys("stats-editor");
        driver.findElement(By.id("new-name")).sendKeys("统计科编辑");
        driver.findElement(By.id("new-password")).sendKeys("Another-Secret-2026");
        driver.findElement(By.cssSelector("#user-form input[value='editor']")).click();
        driver.findElement(By.id("create-user")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "已创建用户 stats-editor"));
        shot("19-admin-users");
        visible(By.cssSelector("button[data-tab='policies']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "现行"));
        shot("20-admin-policies");
        visible(By.cssSelector("button[data-tab='audit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "stats-editor"));
        shot("21-admin-audit");
        driver.findElement(By.id("logout")).click();
        visible(By.id("login-form"));
        assertFalse(driver.findElement(By.id("nav")).isDisplayed());
    }

    @Test
    @Order(8)
    void groupsOutletsPublicityAndPasswordChange() throws Exception {
        HttpResponse<String> unit = dist.post("/api/v1/units", admin,
                "{\"id\": \"agri\", \"name\": \"州农业农村局\", \"kind\": \"member\"}");
        assertTrue(unit.statusCode() == 200 || unit.statusCode() == 201, unit.body());
        String outlet = "巴音郭楞日报";

        // the admin adds a special group and a publicity outlet and sees them listed
        login("admin", PASSWORD);
        go("admin");
        visible(By.cssSelector("button[data-tab='groups']")).click();
        visible(By.id("group-id")).sendKeys("industry");
        driver.findElement(By.id("group-name")).sendKeys("产业发展专项组");
        new Select(driver.findElement(By.id("group-lead"))).selectByValue("agri");
        driver.findElement(By.id("group-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-messages"), "已保存专项组"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view table.grid tbody"), "产业发展专项组"));
        assertTrue(driver.findElement(By.cssSelector("#view table.grid tbody")).getText().contains("州农业农村局"));
        shot("22-admin-groups");
        visible(By.cssSelector("button[data-tab='outlets']")).click();
        visible(By.id("outlet-name")).sendKeys(outlet);
        new Select(driver.findElement(By.id("outlet-channel"))).selectByValue("news");
        new Select(driver.findElement(By.id("outlet-level"))).selectByValue("prefecture");
        driver.findElement(By.id("outlet-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outlet-messages"), "已保存媒体"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view table.grid tbody"), outlet));
        assertTrue(driver.findElement(By.cssSelector("#view table.grid tbody")).getText().contains("州级"));
        shot("23-admin-outlets");
        // and sets another user's password from the users table
        visible(By.cssSelector("button[data-tab='users']")).click();
        visible(By.cssSelector("button[data-set-password='luntai-officer']")).click();
        assertEquals("luntai-officer", driver.findElement(By.id("set-password-user")).getAttribute("value"));
        driver.findElement(By.id("set-password-new")).sendKeys("Luntai-Reset-2026");
        driver.findElement(By.id("set-password-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-password-messages"), "已为用户 luntai-officer 设置新密码"));
        go("archive");
        visible(By.id("own-key"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("own-key"), "BEGIN PUBLIC KEY"));
        visible(By.id("trust-key-form"));
        visible(By.id("exchange-import"));
        shot("24-admin-archive-keys");

        // an officer reports a publication (附件二) and sees it listed
        login("korla-officer", USER_PASSWORD);
        go("items");
        visible(By.cssSelector("button[data-tab='publicity']")).click();
        new Select(visible(By.id("pub-channel"))).selectByValue("news");
        driver.findElement(By.id("pub-outlet")).sendKeys(outlet);
        driver.findElement(By.id("pub-title")).sendKeys("库尔勒市庭院经济见闻");
        driver.findElement(By.id("pub-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pub-messages"), "已报送"));
        WebElement row = visible(By.cssSelector("#view table.grid tbody tr[data-id]"));
        wait.until(ExpectedConditions.textToBePresentInElement(row, "库尔勒市庭院经济见闻"));
        assertTrue(row.getText().contains(outlet) && row.getText().contains("州级"), row.getText());
        shot("25-officer-publicity");

        // the officer changes its password: logged out, then in again with the new one
        String fresh = "Korla-Changed-2026!";
        visible(By.id("change-password")).click();
        visible(By.id("pw-current")).sendKeys(USER_PASSWORD);
        driver.findElement(By.id("pw-new")).sendKeys(fresh);
        driver.findElement(By.id("pw-again")).sendKeys(fresh);
        shot("26-password-form");
        driver.findElement(By.id("pw-save")).click();
        visible(By.id("login-form"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-info"), "密码已修改"));
        assertFalse(driver.findElement(By.id("nav")).isDisplayed());
        shot("27-password-changed-logged-out");
        assertEquals(401, dist.post("/api/v1/session", null, Distribution.JSON.createObjectNode()
                .put("username", "korla-officer").put("password", USER_PASSWORD).toString()).statusCode());
        login("korla-officer", fresh);
        assertTrue(navShows("信息报送"));
    }

    @Test
    @Order(9)
    void spreadsheetTrustedKeyAndExchangePackageThroughTheControls() throws Exception {
        // the editor downloads the whole ranking table: the server's spreadsheet, not the browser's CSV fallback
        login("editor", USER_PASSWORD);
        go("rankings");
        visible(By.cssSelector("section[data-kind='county'] tr[data-unit='korla']"));
        visible(By.id("rank-download")).click();
        Path sheet = downloaded(".xlsx");
        assertTrue(sheet.getFileName().toString().startsWith("积分排名-"), sheet.toString());
        StringBuilder xml = new StringBuilder();
        assertTrue(zipEntries(sheet, xml).contains("xl/workbook.xml"), "an xlsx workbook: " + sheet);
        assertTrue(xml.toString().contains("库尔勒市乡村振兴局"), "the table names the units");
        Files.delete(sheet);
        // and the quarter's self-report form of the news media (附件二), with the officer's report in it
        go("items");
        visible(By.cssSelector("button[data-tab='publicity']")).click();
        visible(By.cssSelector("button[data-form='news']")).click();
        Path form = downloaded(".xlsx");
        assertTrue(form.getFileName().toString().startsWith("附件二"), form.toString());
        StringBuilder formXml = new StringBuilder();
        zipEntries(form, formXml);
        assertTrue(formXml.toString().contains("库尔勒市庭院经济见闻") && formXml.toString().contains("巴音郭楞日报"),
                "the form lists the officer's report");

        // the admin registers another installation's public key, brought on its CD
        login("admin", PASSWORD);
        go("archive");
        visible(By.id("trust-key-form"));
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        driver.findElement(By.id("key-label")).sendKeys("和静县乡村振兴局");
        driver.findElement(By.id("key-pem")).sendKeys(pem);
        driver.findElement(By.id("key-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trust-key-form"), "已登记受信任公钥"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys"), "和静县乡村振兴局"));
        assertTrue(dist.get("/api/v1/archive/trusted-keys", admin).body().contains("和静县乡村振兴局"));
        shot("28-admin-key-registered");

        // korla's signed exchange package out through the export form, then in through the file control: it
        // verifies (this installation's own key), is taken once, and a second import changes nothing
        new Select(visible(By.id("xp-unit"))).selectByValue("korla");
        driver.findElement(By.id("xp-download")).click();
        Path pack = downloaded(".zip");
        assertTrue(zipEntries(pack, new StringBuilder()).stream().anyMatch(n -> n.endsWith("manifest.sig")),
                "a signed package: " + pack);
        driver.findElement(By.id("xp-file")).sendKeys(pack.toString());
        driver.findElement(By.id("xp-import")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("xp-result"), "交换包校验通过并已导入"));
        shot("29-exchange-package-imported");
        driver.findElement(By.id("xp-import")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("xp-result"), "此前已导入，本次未作任何更改"));
    }

    @Test
    @Order(10)
    void thePagesRaiseNoContentSecurityPolicyViolation() {
        List<String> csp = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(msg -> msg.contains("Content Security Policy") || msg.contains("Refused to"))
                .toList();
        assertTrue(csp.isEmpty(), "CSP violations: " + csp);
    }
}
