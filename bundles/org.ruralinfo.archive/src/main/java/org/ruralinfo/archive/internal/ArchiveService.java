package org.ruralinfo.archive.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.Adoption;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.ExchangeDocument;
import org.ruralinfo.api.Group;
import org.ruralinfo.api.ImportCounts;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.Unit;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.archive.Annotation;
import org.ruralinfo.archive.Archive;
import org.ruralinfo.archive.ArchiveException;
import org.ruralinfo.archive.ArchiveException.Kind;
import org.ruralinfo.archive.ImportResult;
import org.ruralinfo.archive.PaperCopy;
import org.ruralinfo.archive.PaperRequest;
import org.ruralinfo.archive.Problem;
import org.ruralinfo.archive.TrustedKey;
import org.ruralinfo.archive.Verification;
import org.ruralinfo.archive.Volume;
import org.ruralinfo.archive.VolumeItem;
import org.ruralinfo.exchange.ExchangeCodec;
import org.ruralinfo.exchange.ExistingRecords;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The archive on the product's database and the folder {@code ${ruralinfo.home}/archive/}: volumes computed
 * from items and adoptions until closed, then frozen on disk ({@code volumes/<year>/}) and locked in the
 * database (V7); packages signed with the installation's key ({@code ${ruralinfo.home}/keys/}); verification
 * and the offline exchange of Art. 16.
 */
@Component(service = Archive.class, configurationPid = "org.ruralinfo.archive",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ArchiveConfig.class)
public class ArchiveService implements Archive {
    static final String HOME = "ruralinfo.home";
    static final String ITEMS = "items.json";
    static final String VOLUME = "volume.json";
    static final String ANNOTATIONS = "annotations.json";
    static final String INDEX = "index.html";
    static final String ATTACHMENTS = "attachments.json";
    /** An exchange document in a package: a region's year is about 20 MB. */
    static final long DOCUMENT_MAX = 128L << 20;
    private static final long SMALL_MAX = 16L << 20;
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern STAGED = Pattern.compile("attachments/[0-9a-f]{64}");
    private static final int NOTE_MAX = 4000;

    private final Database db;
    private final RecordStore store;
    private final ExchangeCodec codec;
    private final Path archiveDir;
    private final Path attachmentsDir;
    private final Limits limits;
    private final ZoneId zone;
    private final Clock clock;
    private final KeyPair key;
    private final String fingerprint;
    private final Map<String, PublicKey> configured = new LinkedHashMap<>();
    private final Json json;

    @Activate
    public ArchiveService(BundleContext context, ArchiveConfig config, @Reference Site site, @Reference Database db,
            @Reference RecordStore store, @Reference ExchangeCodec codec) {
        this(db, store, codec, home(context.getProperty(HOME)), site.files(), Limits.of(config),
                List.of(config.trusted_keys()), site.zone(), Clock.systemUTC());
    }

    ArchiveService(Database db, RecordStore store, ExchangeCodec codec, Path home, Limits limits,
            List<String> trusted, ZoneId zone, Clock clock) {
        this(db, store, codec, home, home, limits, trusted, zone, clock);
    }

    /**
     * @param home  the installation's own folder (its signing key)
     * @param files the folder of files, shared by every node of an installation (attachments, volumes)
     */
    ArchiveService(Database db, RecordStore store, ExchangeCodec codec, Path home, Path files, Limits limits,
            List<String> trusted, ZoneId zone, Clock clock) {
        this.db = db;
        this.store = store;
        this.codec = codec;
        this.archiveDir = files.resolve("archive");
        this.attachmentsDir = files.resolve("attachments");
        this.limits = limits;
        this.zone = zone;
        this.clock = clock;
        this.json = new Json(zone);
        this.key = Keys.loadOrCreate(home.resolve("keys"));
        this.fingerprint = Keys.fingerprint(key.getPublic());
        for (String pem : trusted) {
            if (pem != null && !pem.isBlank()) {
                PublicKey k = Keys.publicKey(pem);
                configured.put(Keys.fingerprint(k), k);
            }
        }
    }

    private static Path home(String property) {
        return Path.of(property == null || property.isBlank() ? "data" : property).toAbsolutePath();
    }

    // ---- volumes --------------------------------------------------------------------------------------

    @Override
    public List<Volume> volumes() {
        Set<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT vol_year FROM archive_volumes");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT i.submitted_at FROM items i WHERE i.status = "
                    + "'accepted' AND i.submitted_at IS NOT NULL AND (i.forwarded_at IS NOT NULL OR EXISTS (SELECT 1 "
                    + "FROM adoptions a WHERE a.item = i.id AND a.level IN " + Rows.REGIONAL + "))");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(Columns.instant(rs, "submitted_at").atZone(zone).getYear());
                }
            }
            return null;
        });
        List<Volume> out = new ArrayList<>();
        for (int y : years) {
            out.add(volume(y));
        }
        return out;
    }

    @Override
    public Volume volume(int year) {
        check(year);
        return db.read(c -> {
            Optional<VolumeRow> row = volumeRow(c, year);
            List<Rows.ItemRow> rows = row.isPresent() ? Rows.closedItems(c, year) : Rows.volumeItems(c, from(year),
                    from(year + 1));
            Set<String> ids = ids(rows);
            Map<String, List<Adoption>> adoptions = Rows.adoptions(c, ids);
            Map<String, List<Rows.AttachmentRow>> files = Rows.attachments(c, ids);
            List<VolumeItem> items = new ArrayList<>();
            for (Rows.ItemRow r : rows) {
                List<Adoption> a = adoptions.getOrDefault(r.item().id(), List.of());
                items.add(new VolumeItem(r.item().id(), r.item().unit(), r.item().type().wire(), r.item().title(),
                        r.item().submittedAt(), r.forwardedAt(), r.forwardedBy(), reasons(r, a),
                        a.stream().map(x -> x.level().wire()).toList(), files.getOrDefault(r.item().id(), List.of()).size()));
            }
            int paper = count(c, "SELECT COUNT(*) FROM archive_paper WHERE vol_year = ?", year);
            int notes = count(c, "SELECT COUNT(*) FROM archive_annotations WHERE vol_year = ?", year);
            List<String> pending = row.isPresent() ? Rows.pending(c, year, from(year), from(year + 1)) : List.of();
            return new Volume(year, row.isPresent(), row.map(VolumeRow::closedAt).orElse(null),
                    row.map(VolumeRow::closedBy).orElse(null), row.map(VolumeRow::itemsSha).orElse(null), items, paper,
                    notes, pending);
        });
    }

    @Override
    public Volume close(UserAccount actor, int year) {
        check(year);
        if (db.read(c -> Rows.closed(c, year))) {
            throw new ArchiveException(Kind.CONFLICT, "the volume of " + year + " is already closed");
        }
        Instant now = clock.instant();
        Contents contents = db.read(c -> contents(c, Rows.volumeItems(c, from(year), from(year + 1))));
        List<Map<String, Object>> paper = paperJson(paper(year));
        byte[] items = write(contents.doc());
        byte[] volume = bytes(volumeJson(year, true, now, actor.username(), contents, paper));
        Path dir = volumeDir(year);
        try {
            Files.createDirectories(dir.resolve("attachments"));
            Files.write(dir.resolve(ITEMS), items);
            Files.write(dir.resolve(VOLUME), volume);
            for (List<Rows.AttachmentRow> list : contents.files().values()) {
                for (Rows.AttachmentRow a : list) {
                    Path source = attachmentsDir.resolve(a.sha256());
                    Path target = dir.resolve("attachments").resolve(a.sha256());
                    if (SHA.matcher(a.sha256()).matches() && Files.isRegularFile(source) && !Files.exists(target)) {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the frozen volume under " + dir, e);
        }
        try {
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_volumes (vol_year, closed_at, "
                        + "closed_by, item_count, items_sha256, volume_sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, year, now, actor.username(), contents.rows().size(), Digests.sha256Hex(items),
                            Digests.sha256Hex(volume));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_items (item, vol_year, unit, type, "
                        + "title, status, research_qualified, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement pa = c.prepareStatement(
                                "INSERT INTO archive_adoptions (item, level, at, vol_year) VALUES (?, ?, ?, ?)")) {
                    for (Rows.ItemRow r : contents.rows()) {
                        Item i = r.item();
                        List<Adoption> adoptions = contents.adoptions().getOrDefault(i.id(), List.of());
                        Rows.bind(ps, i.id(), year, i.unit(), i.type().wire(), i.title(), i.status().wire(),
                                i.researchQualified(), String.join(",", reasons(r, adoptions)));
                        ps.addBatch();
                        for (Adoption a : adoptions) {
                            Rows.bind(pa, i.id(), a.level().wire(), a.at(), year);
                            pa.addBatch();
                        }
                    }
                    ps.executeBatch();
                    pa.executeBatch();
                }
                db.audit(c, actor.username(), "archive.close", "volume:" + year, contents.rows().size()
                        + " items, items.json sha256:" + Digests.sha256Hex(items));
                return null;
            });
        } catch (IllegalStateException e) {
            if (db.read(c -> Rows.closed(c, year))) {
                throw new ArchiveException(Kind.CONFLICT, "the volume of " + year + " is already closed");
            }
            throw new ArchiveException(Kind.CONFLICT, "an item of the volume of " + year
                    + " changed while it was being closed; close it again");
        }
        return volume(year);
    }

    // ---- paper and annotations ------------------------------------------------------------------------

    @Override
    public PaperCopy registerPaper(UserAccount actor, int year, PaperRequest r) {
        check(year);
        List<ValidationError> errors = new ArrayList<>();
        String box = required(errors, "$.box", r.box(), 32);
        String vol = required(errors, "$.volume", r.volume(), 32);
        String piece = required(errors, "$.piece", r.piece(), 32);
        String filedBy = required(errors, "$.filed_by", r.filedBy(), 100);
        String shelf = optional(errors, "$.shelf", r.shelf(), 100);
        String note = optional(errors, "$.note", r.note(), 2000);
        String item = optional(errors, "$.item", r.item(), 64);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0).toString(), errors);
        }
        Instant now = clock.instant();
        LocalDate filedOn = r.filedOn() != null ? r.filedOn() : now.atZone(zone).toLocalDate();
        long id = db.transaction(c -> {
            if (Rows.closed(c, year)) {
                throw new ArchiveException(Kind.CONFLICT, "the volume of " + year
                        + " is closed: it is only annotated (POST …/annotations)");
            }
            if (item != null && Rows.byId(c, item).isEmpty()) {
                throw new ValidationException(new ValidationError("$.item", "unknown item \"" + item + "\""));
            }
            long newId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_paper (vol_year, item, box_no, "
                    + "volume_no, piece_no, shelf, filed_by, filed_on, note, registered_at, registered_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                Rows.bind(ps, year, item, box, vol, piece, shelf, filedBy, filedOn, note, now, actor.username());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    newId = keys.getLong(1);
                }
            }
            db.audit(c, actor.username(), "archive.paper", "volume:" + year, "盒" + box + " 卷" + vol + " 件" + piece
                    + (item == null ? "" : " item:" + item) + " 立卷人 " + filedBy);
            return newId;
        });
        return new PaperCopy(id, year, item, box, vol, piece, shelf, filedBy, filedOn, note, now, actor.username());
    }

    @Override
    public List<PaperCopy> paper(int year) {
        check(year);
        return db.read(c -> {
            List<PaperCopy> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, item, box_no, volume_no, piece_no, shelf, "
                    + "filed_by, filed_on, note, registered_at, registered_by FROM archive_paper WHERE vol_year = ? "
                    + "ORDER BY id")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PaperCopy(rs.getLong("id"), year, rs.getString("item"), rs.getString("box_no"),
                                rs.getString("volume_no"), rs.getString("piece_no"), rs.getString("shelf"),
                                rs.getString("filed_by"), Columns.date(rs, "filed_on"), rs.getString("note"),
                                Columns.instant(rs, "registered_at"), rs.getString("registered_by")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Annotation annotate(UserAccount actor, int year, String item, String note) {
        check(year);
        List<ValidationError> errors = new ArrayList<>();
        String text = required(errors, "$.note", note, NOTE_MAX);
        String it = optional(errors, "$.item", item, 64);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0).toString(), errors);
        }
        Instant now = clock.instant();
        long id = db.transaction(c -> {
            if (!Rows.closed(c, year)) {
                throw new ArchiveException(Kind.CONFLICT, "the volume of " + year
                        + " is open: annotations are for closed volumes");
            }
            if (it != null && count(c, "SELECT COUNT(*) FROM archive_items WHERE vol_year = ? AND item = ?", year, it) == 0) {
                throw new ArchiveException(Kind.NOT_FOUND, "item " + it + " is not in the volume of " + year);
            }
            long newId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_annotations (vol_year, item, note, "
                    + "noted_at, author) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                Rows.bind(ps, year, it, text, now, actor.username());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    newId = keys.getLong(1);
                }
            }
            String detail = (it == null ? "" : "item:" + it + " ") + text;
            db.audit(c, actor.username(), "archive.annotate", "volume:" + year,
                    detail.length() > 4000 ? detail.substring(0, 4000) : detail);
            return newId;
        });
        return new Annotation(id, year, it, text, now, actor.username());
    }

    @Override
    public List<Annotation> annotations(int year) {
        check(year);
        return db.read(c -> {
            List<Annotation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, item, note, noted_at, author FROM "
                    + "archive_annotations WHERE vol_year = ? ORDER BY id")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Annotation(rs.getLong("id"), year, rs.getString("item"), rs.getString("note"),
                                Columns.instant(rs, "noted_at"), rs.getString("author")));
                    }
                }
            }
            return out;
        });
    }

    // ---- packages -------------------------------------------------------------------------------------

    @Override
    public void writePackage(UserAccount actor, int year, OutputStream out) {
        check(year);
        Optional<VolumeRow> row = db.read(c -> volumeRow(c, year));
        byte[] items;
        byte[] volume;
        Path files;
        if (row.isPresent()) {
            Path dir = volumeDir(year);
            try {
                items = Files.readAllBytes(dir.resolve(ITEMS));
                volume = Files.readAllBytes(dir.resolve(VOLUME));
            } catch (IOException e) {
                throw new ArchiveException(Kind.CONFLICT, "the frozen volume of " + year + " is missing under " + dir
                        + ": restore it from the backup (docs/archive.md)");
            }
            if (!Digests.sha256Hex(items).equals(row.get().itemsSha())
                    || !Digests.sha256Hex(volume).equals(row.get().volumeSha())) {
                throw new ArchiveException(Kind.CONFLICT, "the frozen volume of " + year + " under " + dir
                        + " no longer matches the checksums recorded when it closed: restore it from the backup");
            }
            files = dir.resolve("attachments");
        } else {
            Contents contents = db.read(c -> contents(c, Rows.volumeItems(c, from(year), from(year + 1))));
            items = write(contents.doc());
            volume = bytes(volumeJson(year, false, null, null, contents, paperJson(paper(year))));
            files = attachmentsDir;
        }
        JsonNode detail = tree(volume);
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Annotation a : annotations(year)) {
            notes.add(Json.ordered("id", a.id(), "item", a.item(), "note", a.note(), "at", json.time(a.at()),
                    "author", a.author()));
        }
        byte[] annotations = bytes(notes);
        PackageWriter w = new PackageWriter(out);
        w.add(ITEMS, items);
        w.add(VOLUME, volume);
        w.add(ANNOTATIONS, annotations);
        addAttachments(w, detail.path("items"), files);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"年度", Integer.toString(year)});
        facts.add(new String[] {"状态", row.isPresent() ? "已封卷 " + json.time(row.get().closedAt()) + " (" + row.get()
                .closedBy() + ")" : "未封卷 (内容以生成时为准)"});
        facts.add(new String[] {"信息条数", Integer.toString(detail.path("items").size())});
        facts.add(new String[] {"生成时间", json.time(clock.instant())});
        facts.add(new String[] {"签名密钥指纹 (SHA-256)", fingerprint});
        w.add(INDEX, Catalogue.html(year + "年度乡村振兴信息档案目录 (报送自治区及自治区采用)", facts, detail.path("items"),
                detail.path("paper"), tree(annotations)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        w.finish(Json.ordered("kind", "volume", "year", year, "closed", row.isPresent(), "created_at",
                json.time(clock.instant()), "created_by", actor == null ? null : actor.username()), key);
    }

    private void addAttachments(PackageWriter w, JsonNode items, Path dir) {
        Set<String> done = new LinkedHashSet<>();
        for (JsonNode i : items) {
            for (JsonNode a : i.path("attachments")) {
                String sha = a.path("sha256").asText();
                Path f = dir.resolve(sha);
                if (SHA.matcher(sha).matches() && done.add(sha) && Files.isRegularFile(f)) {
                    w.add("attachments/" + sha, f);
                }
            }
        }
    }

    @Override
    public Verification verify(InputStream zip) {
        SafeZip.Result r = SafeZip.read(zip, limits, this::keepForVerify, null);
        return Verifier.check(r, this::trusted).verification();
    }

    private long keepForVerify(String path) {
        return switch (path) {
            case PackageWriter.MANIFEST -> SMALL_MAX;
            case PackageWriter.SIGNATURE, PackageWriter.PUBLIC_KEY -> 8192;
            default -> 0;
        };
    }

    /** @return the trusted public key of a fingerprint: the installation's, a configured or a registered one */
    PublicKey trusted(String fp) {
        if (fp.equals(fingerprint)) {
            return key.getPublic();
        }
        PublicKey k = configured.get(fp);
        if (k != null) {
            return k;
        }
        String pem = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT public_key FROM archive_trusted_keys WHERE fingerprint = ?")) {
                ps.setString(1, fp);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (pem == null) {
            return null;
        }
        PublicKey stored = Keys.publicKey(pem);
        return Keys.fingerprint(stored).equals(fp) ? stored : null;
    }

    // ---- the offline exchange (Art. 16) ---------------------------------------------------------------

    @Override
    public void writeExchangePackage(UserAccount actor, String unit, LocalDate from, LocalDate to, OutputStream out) {
        Unit u = store.unit(unit).orElseThrow(() -> new ArchiveException(Kind.NOT_FOUND, "unit " + unit
                + " not found"));
        if (to.isBefore(from)) {
            throw new ValidationException(new ValidationError("$.to", "is before from"));
        }
        Contents contents = db.read(c -> contents(c, Rows.unitItems(c, unit, start(from), start(to.plusDays(1)))));
        byte[] items = write(contents.doc());
        List<Map<String, Object>> files = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        Map<String, String> names = unitNames(contents.doc());
        for (Rows.ItemRow r : contents.rows()) {
            details.add(detail(r, contents, names));
            for (Rows.AttachmentRow a : contents.files().getOrDefault(r.item().id(), List.of())) {
                files.add(Json.ordered("item", a.item(), "seq", a.seq(), "name", a.name(), "media_type", a.mediaType(),
                        "size", a.size(), "sha256", a.sha256(), "created_at", json.time(a.createdAt()), "created_by",
                        a.createdBy(), "path", "attachments/" + a.sha256()));
            }
        }
        PackageWriter w = new PackageWriter(out);
        w.add(ITEMS, items);
        w.add(ATTACHMENTS, bytes(files));
        JsonNode detail = tree(bytes(details));
        addAttachments(w, detail, attachmentsDir);
        List<String[]> facts = List.of(new String[] {"报送单位", u.name() + " (" + u.id() + ")"},
                new String[] {"报送期间", from + " 至 " + to}, new String[] {"信息条数", Integer.toString(details.size())},
                new String[] {"生成时间", json.time(clock.instant())}, new String[] {"签名密钥指纹 (SHA-256)", fingerprint});
        w.add(INDEX, Catalogue.html(u.name() + " 乡村振兴信息报送包 (光盘传递)", facts, detail, null, null)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        w.finish(Json.ordered("kind", "exchange", "unit", unit, "from", from.toString(), "to", to.toString(),
                "items", contents.rows().size(), "created_at", json.time(clock.instant()), "created_by",
                actor == null ? null : actor.username()), key);
    }

    @Override
    public ImportResult importExchangePackage(UserAccount actor, InputStream zip) {
        Path staging = archiveDir.resolve("incoming").resolve(UUID.randomUUID().toString());
        try {
            SafeZip.Result r = SafeZip.read(zip, limits, path -> switch (path) {
                case ITEMS -> DOCUMENT_MAX;
                case PackageWriter.MANIFEST, ATTACHMENTS -> SMALL_MAX;
                case PackageWriter.SIGNATURE, PackageWriter.PUBLIC_KEY -> 8192;
                default -> 0;
            }, path -> {
                if (!STAGED.matcher(path).matches()) {
                    return null;
                }
                Files.createDirectories(staging);
                return Files.newOutputStream(staging.resolve(path.substring("attachments/".length())));
            });
            Verifier.Checked checked = Verifier.check(r, this::trusted);
            Verification v = checked.verification();
            if (!v.intact()) {
                throw new ArchiveException(Kind.NOT_VERIFIED, "the package is not intact or not signed by a trusted "
                        + "key; nothing was imported", v.problems());
            }
            if (!"exchange".equals(v.kind())) {
                throw new ArchiveException(Kind.NOT_VERIFIED, "not an exchange package (kind " + v.kind() + ")",
                        List.of(new Problem(PackageWriter.MANIFEST, "kind is " + v.kind() + ", expected exchange")));
            }
            String packageSha = checked.manifestSha256();
            if (alreadyImported(packageSha)) {
                return new ImportResult(packageSha, v.signer(), true, null, 0);
            }
            SafeZip.Entry itemsEntry = r.entries().get(ITEMS);
            if (itemsEntry == null) {
                throw new ArchiveException(Kind.NOT_VERIFIED, "the package has no " + ITEMS,
                        List.of(new Problem(ITEMS, "missing")));
            }
            ExchangeDocument doc = codec.read(new ByteArrayInputStream(itemsEntry.bytes()), ExistingRecords.of(store));
            List<Rows.AttachmentRow> files = attachmentRows(r.entries().get(ATTACHMENTS), doc, staging);
            for (Rows.AttachmentRow a : files) {
                Path target = attachmentsDir.resolve(a.sha256());
                if (!Files.exists(target)) {
                    Files.createDirectories(attachmentsDir);
                    try {
                        Files.move(staging.resolve(a.sha256()), target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.copy(staging.resolve(a.sha256()), target);
                    } catch (FileAlreadyExistsException e) {
                        // the same content arrived meanwhile
                    }
                }
            }
            ImportCounts counts = store.importDocument(doc, actor.username());
            String unit = r.entries().containsKey(PackageWriter.MANIFEST) ? checked.manifest().path("unit").asText(null)
                    : null;
            int added = db.transaction(c -> {
                int n = 0;
                try (PreparedStatement exists = c.prepareStatement(
                        "SELECT 1 FROM attachments WHERE item = ? AND (seq = ? OR sha256 = ?)");
                        PreparedStatement ins = c.prepareStatement("INSERT INTO attachments (item, seq, name, "
                                + "media_type, size_bytes, sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Rows.AttachmentRow a : files) {
                        Rows.bind(exists, a.item(), a.seq(), a.sha256());
                        try (ResultSet rs = exists.executeQuery()) {
                            if (rs.next()) {
                                continue;
                            }
                        }
                        Rows.bind(ins, a.item(), a.seq(), a.name(), a.mediaType(), a.size(), a.sha256(), a.createdAt(),
                                a.createdBy());
                        ins.executeUpdate();
                        n++;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_imports (package_sha256, signer, "
                        + "unit, items, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, packageSha, v.signer(), unit, doc.items().size(), clock.instant(), actor.username());
                    ps.executeUpdate();
                }
                db.audit(c, actor.username(), "archive.import", "package:" + packageSha, "signer " + v.signer()
                        + ", unit " + unit + ", " + doc.items().size() + " items, " + n + " attachments");
                return n;
            });
            return new ImportResult(packageSha, v.signer(), false, counts, added);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(staging);
        }
    }

    private boolean alreadyImported(String sha) {
        return db.read(c -> count(c, "SELECT COUNT(*) FROM archive_imports WHERE package_sha256 = ?", sha) > 0);
    }

    /** The attachment rows a package declares, each checked against the document and the staged files. */
    private List<Rows.AttachmentRow> attachmentRows(SafeZip.Entry entry, ExchangeDocument doc, Path staging) {
        List<Rows.AttachmentRow> out = new ArrayList<>();
        if (entry == null) {
            return out;
        }
        Set<String> items = new java.util.HashSet<>();
        doc.items().forEach(i -> items.add(i.id()));
        JsonNode list = tree(entry.bytes());
        List<ValidationError> errors = new ArrayList<>();
        if (!list.isArray()) {
            throw new ValidationException(new ValidationError(ATTACHMENTS, "not a JSON array"));
        }
        int n = 0;
        for (JsonNode a : list) {
            String p = ATTACHMENTS + "[" + n++ + "]";
            String item = a.path("item").asText("");
            String sha = a.path("sha256").asText("");
            String name = a.path("name").asText("");
            String type = a.path("media_type").asText("");
            String by = a.path("created_by").asText("");
            int seq = a.path("seq").asInt(0);
            Instant at;
            try {
                at = java.time.OffsetDateTime.parse(a.path("created_at").asText("")).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                at = null;
            }
            if (!items.contains(item)) {
                errors.add(new ValidationError(p + ".item", "not an item of the package: \"" + item + "\""));
            } else if (!SHA.matcher(sha).matches() || !Files.isRegularFile(staging.resolve(sha))) {
                errors.add(new ValidationError(p + ".sha256", "no file attachments/" + sha + " in the package"));
            } else if (name.isBlank() || name.length() > 255 || type.isBlank() || type.length() > 100
                    || by.isBlank() || by.length() > 64 || seq < 1 || at == null) {
                errors.add(new ValidationError(p, "needs seq ≥ 1, name (≤ 255), media_type (≤ 100), created_at, "
                        + "created_by (≤ 64)"));
            } else {
                out.add(new Rows.AttachmentRow(item, seq, name, type, a.path("size").asLong(), sha, at, by));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0).toString(), errors);
        }
        return out;
    }

    // ---- keys -----------------------------------------------------------------------------------------

    @Override
    public long packageLimit() {
        return limits.packageBytes();
    }

    @Override
    public String publicKeyPem() {
        return Keys.pem(key.getPublic());
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public TrustedKey trust(UserAccount actor, String pem, String label) {
        PublicKey k;
        try {
            k = Keys.publicKey(pem);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(new ValidationError("$.public_key", e.getMessage()));
        }
        List<ValidationError> errors = new ArrayList<>();
        String l = optional(errors, "$.label", label, 200);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0).toString(), errors);
        }
        String fp = Keys.fingerprint(k);
        String text = Keys.pem(k);
        Instant now = clock.instant();
        db.transaction(c -> {
            if (count(c, "SELECT COUNT(*) FROM archive_trusted_keys WHERE fingerprint = ?", fp) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_trusted_keys (fingerprint, "
                        + "public_key, label, added_at, added_by) VALUES (?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, fp, text, l, now, actor.username());
                    ps.executeUpdate();
                }
                db.audit(c, actor.username(), "archive.trust", "key:" + fp, l);
            }
            return null;
        });
        return trustedKeys().stream().filter(t -> t.fingerprint().equals(fp)).findFirst()
                .orElseThrow(() -> new IllegalStateException("trusted key " + fp + " not stored"));
    }

    @Override
    public List<TrustedKey> trustedKeys() {
        List<TrustedKey> out = new ArrayList<>();
        out.add(new TrustedKey(fingerprint, publicKeyPem(), "本安装 / this installation", "own", null, null));
        configured.forEach((fp, k) -> out.add(new TrustedKey(fp, Keys.pem(k), null, "config", null, null)));
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, public_key, label, added_at, added_by "
                    + "FROM archive_trusted_keys ORDER BY added_at, fingerprint"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TrustedKey(rs.getString("fingerprint"), rs.getString("public_key"),
                            rs.getString("label"), "registered", Columns.instant(rs, "added_at"), rs.getString("added_by")));
                }
            }
            return null;
        });
        return out;
    }

    // ---- contents -------------------------------------------------------------------------------------

    /** What a volume or an exchange package holds: items and everything filed with them. */
    private record Contents(List<Rows.ItemRow> rows, Map<String, List<Adoption>> adoptions,
            Map<String, List<Rows.AttachmentRow>> files, Map<String, List<Map<String, Object>>> history,
            Map<String, List<Map<String, Object>>> audit, ExchangeDocument doc) {
    }

    private Contents contents(Connection c, List<Rows.ItemRow> rows) throws SQLException {
        Set<String> ids = ids(rows);
        Map<String, List<Adoption>> adoptions = Rows.adoptions(c, ids);
        Map<String, List<Rows.AttachmentRow>> files = Rows.attachments(c, ids);
        Map<String, List<Map<String, Object>>> history = Rows.history(c, ids, json);
        Map<String, List<Map<String, Object>>> audit = Rows.audit(c, ids, json);
        // the exchange document: the items, the emergencies they follow up (so it reads on its own), their
        // adoptions, and the units, groups and notices they name
        Map<String, Item> items = new LinkedHashMap<>();
        rows.forEach(r -> items.put(r.item().id(), r.item()));
        List<Item> queue = new ArrayList<>(items.values());
        while (!queue.isEmpty()) {
            Item i = queue.remove(queue.size() - 1);
            if (i.follows() != null && !items.containsKey(i.follows())) {
                for (Rows.ItemRow f : Rows.byId(c, i.follows())) {
                    if (f.item().status() == ItemStatus.ACCEPTED || f.item().status() == ItemStatus.REJECTED) {
                        items.put(f.item().id(), f.item());
                        queue.add(f.item());
                    }
                }
            }
        }
        Map<String, List<Adoption>> all = Rows.adoptions(c, items.keySet());
        List<Adoption> docAdoptions = new ArrayList<>();
        all.values().forEach(docAdoptions::addAll);
        Set<String> unitIds = new LinkedHashSet<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Notice> notices = new LinkedHashMap<>();
        for (Item i : items.values()) {
            unitIds.add(i.unit());
            if (i.group() != null) {
                store.group(i.group()).ifPresent(g -> groups.put(g.id(), g));
            }
            if (i.notice() != null) {
                store.notice(i.notice()).ifPresent(n -> notices.put(n.id(), n));
            }
        }
        groups.values().forEach(g -> unitIds.add(g.lead()));
        notices.values().forEach(n -> unitIds.addAll(n.units()));
        for (Adoption a : docAdoptions) {
            unitIds.addAll(a.units());
        }
        List<Unit> units = new ArrayList<>();
        for (String u : unitIds) {
            store.unit(u).ifPresent(units::add);
        }
        ExchangeDocument doc = new ExchangeDocument(null, List.of(), units, List.copyOf(groups.values()), List.of(),
                List.copyOf(notices.values()), List.copyOf(items.values()), docAdoptions, List.of());
        return new Contents(rows, adoptions, files, history, audit, doc);
    }

    private Map<String, Object> volumeJson(int year, boolean closed, Instant closedAt, String closedBy,
            Contents contents, List<Map<String, Object>> paper) {
        Map<String, String> names = unitNames(contents.doc());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Rows.ItemRow r : contents.rows()) {
            items.add(detail(r, contents, names));
        }
        return Json.ordered("format", "ruralinfo-volume/1", "year", year, "closed", closed, "closed_at",
                json.time(closedAt), "closed_by", closedBy, "rule", "Art.12: accepted items of the year forwarded to "
                        + "the regional bureau or adopted at a regional level", "items", items, "paper", paper);
    }

    private Map<String, Object> detail(Rows.ItemRow r, Contents contents, Map<String, String> names) {
        Item i = r.item();
        List<Adoption> adoptions = contents.adoptions().getOrDefault(i.id(), List.of());
        List<Map<String, Object>> a = new ArrayList<>();
        for (Adoption x : adoptions) {
            a.add(Json.ordered("level", x.level().wire(), "at", Json.date(x.at()), "issue", x.issue()));
        }
        List<Map<String, Object>> f = new ArrayList<>();
        for (Rows.AttachmentRow x : contents.files().getOrDefault(i.id(), List.of())) {
            f.add(Json.ordered("seq", x.seq(), "name", x.name(), "media_type", x.mediaType(), "size", x.size(),
                    "sha256", x.sha256(), "path", "attachments/" + x.sha256(), "created_at", json.time(x.createdAt()),
                    "created_by", x.createdBy()));
        }
        return Json.ordered("id", i.id(), "unit", i.unit(), "unit_name", names.get(i.unit()), "type", i.type().wire(),
                "title", i.title(), "status", i.status().wire(), "submitted_at", json.time(i.submittedAt()),
                "forwarded_at", json.time(r.forwardedAt()), "forwarded_by", r.forwardedBy(), "reasons",
                reasons(r, adoptions), "adoptions", a, "attachments", f, "history",
                contents.history().getOrDefault(i.id(), List.of()), "audit",
                contents.audit().getOrDefault(i.id(), List.of()));
    }

    private List<Map<String, Object>> paperJson(List<PaperCopy> paper) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PaperCopy p : paper) {
            out.add(Json.ordered("id", p.id(), "item", p.item(), "box", p.box(), "volume", p.volume(), "piece",
                    p.piece(), "shelf", p.shelf(), "filed_by", p.filedBy(), "filed_on", Json.date(p.filedOn()), "note",
                    p.note(), "registered_at", json.time(p.registeredAt()), "registered_by", p.registeredBy()));
        }
        return out;
    }

    private static Map<String, String> unitNames(ExchangeDocument doc) {
        Map<String, String> names = new HashMap<>();
        doc.units().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    static List<String> reasons(Rows.ItemRow r, List<Adoption> adoptions) {
        List<String> out = new ArrayList<>();
        if (r.forwardedAt() != null) {
            out.add("forwarded");
        }
        for (Adoption a : adoptions) {
            if (a.level() == AdoptionLevel.REGION_PUBLICATION || a.level() == AdoptionLevel.REGION_INSTRUCTION) {
                out.add(a.level().wire());
            }
        }
        return out;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private record VolumeRow(Instant closedAt, String closedBy, String itemsSha, String volumeSha) {
    }

    private static Optional<VolumeRow> volumeRow(Connection c, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT closed_at, closed_by, items_sha256, volume_sha256 FROM "
                + "archive_volumes WHERE vol_year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new VolumeRow(Columns.instant(rs, "closed_at"), rs.getString("closed_by"),
                        rs.getString("items_sha256"), rs.getString("volume_sha256"))) : Optional.empty();
            }
        }
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static Set<String> ids(List<Rows.ItemRow> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.item().id()));
        return ids;
    }

    private Instant from(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Path volumeDir(int year) {
        return archiveDir.resolve("volumes").resolve(Integer.toString(year));
    }

    private static void check(int year) {
        if (year < 2000 || year > 2999) {
            throw new ValidationException(new ValidationError("$.year", "not a year: " + year));
        }
    }

    private byte[] write(ExchangeDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(doc, out);
        return out.toByteArray();
    }

    private static byte[] bytes(Object value) {
        try {
            return PackageWriter.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode n = PackageWriter.JSON.readTree(bytes);
            return n == null ? PackageWriter.JSON.createArrayNode() : n;
        } catch (IOException e) {
            return PackageWriter.JSON.createArrayNode();
        }
    }

    private static String required(List<ValidationError> errors, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new ValidationError(path, "is required"));
            return null;
        }
        return optional(errors, path, value, max);
    }

    private static String optional(List<ValidationError> errors, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new ValidationError(path, "at most " + max + " characters"));
        }
        return v;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a staged leftover under archive/incoming is harmless and removed at the next import
        }
    }
}
