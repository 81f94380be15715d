package org.ruralinfo.intake.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.ruralinfo.api.Columns;
import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.Database;
import org.ruralinfo.api.Item;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.Notice;
import org.ruralinfo.api.RecordStore;
import org.ruralinfo.api.Site;
import org.ruralinfo.api.Role;
import org.ruralinfo.api.UserAccount;
import org.ruralinfo.api.ValidationError;
import org.ruralinfo.api.ValidationException;
import org.ruralinfo.intake.Action;
import org.ruralinfo.intake.AdoptionRequest;
import org.ruralinfo.intake.Attachment;
import org.ruralinfo.intake.AttachmentContent;
import org.ruralinfo.intake.CopyCheck;
import org.ruralinfo.intake.Deadline;
import org.ruralinfo.intake.Draft;
import org.ruralinfo.intake.Intake;
import org.ruralinfo.intake.IntakeException;
import org.ruralinfo.intake.IntakeException.Kind;
import org.ruralinfo.intake.ItemPage;
import org.ruralinfo.intake.ItemQuery;
import org.ruralinfo.intake.ItemView;
import org.ruralinfo.intake.Signoff;
import org.ruralinfo.intake.TransitionRequest;

/**
 * The item workflow on the product's database (Art. 5, 7, 8): each change is one transaction with its
 * history row and its audit row, and marks the scoring facts changed where scoring reads what changed
 * (screening, qualification, adoptions).
 */
@Component(service = Intake.class, configurationPid = "org.ruralinfo.intake",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IntakeConfig.class)
public class IntakeService implements Intake {
    private static final int NOTE_MAX = 2000;

    private final Database db;
    private final Settings settings;
    private final Clock clock;
    private final DraftValidator validator;
    private final Deadlines deadlines;
    private final Calendars calendars;
    private final ItemSearch search;
    private final CopyCorpus corpus;
    private final AttachmentFiles files;

    @Activate
    public IntakeService(IntakeConfig config, @Reference Site site, @Reference Database db,
            @Reference RecordStore store) {
        this(db, store, Settings.of(config, site.zone()), site.files(), Clock.systemUTC());
    }

    IntakeService(Database db, RecordStore store, Settings settings, Path home, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.validator = new DraftValidator(store, new Units(db), settings);
        this.deadlines = new Deadlines(settings);
        this.calendars = new Calendars(db);
        this.search = new ItemSearch(settings.zone());
        this.corpus = new CopyCorpus(db, store::version, settings.copyThreshold(), CopyCorpus.WATCH);
        this.files = new AttachmentFiles(home.resolve("attachments"), settings.attachmentMax());
    }

    @Deactivate
    void close() {
        corpus.close();
    }

    // ---- drafts ---------------------------------------------------------------------------------------

    @Override
    public ItemView create(UserAccount actor, Draft draft) {
        if (!actor.has(Role.OFFICER)) {
            throw forbidden("drafting needs the role officer");
        }
        String unit = draft.unit() != null ? draft.unit() : actor.unit();
        if (unit == null) {
            throw new ValidationException(new ValidationError("$.unit", "is required"));
        }
        if (!unit.equals(actor.unit())) {
            throw new IntakeException(Kind.FORBIDDEN, "$.unit", "an officer drafts only for its own unit", List.of());
        }
        Instant now = clock.instant();
        Notice notice = validator.validate(draft, unit, null, now);
        Deadlines.Due due = due(draft, notice);
        return db.transaction(c -> {
            String newId = ItemRows.nextId(c, now.atZone(settings.zone()).getYear());
            Item item = new Item(newId, unit, draft.type(), draft.title(), draft.body(), null, draft.occurredAt(),
                    draft.notice(), draft.group(), draft.follows(), ItemStatus.DRAFT, false);
            ItemRows.insert(c, item, actor.username(), now, due);
            ItemRows.history(c, newId, now, actor.username(), "create", null, ItemStatus.DRAFT, null);
            db.audit(c, actor.username(), "item.create", "item:" + newId, draft.type().wire() + " → draft");
            // the answer is the row as written, read back in the same transaction (no second connection);
            // a draft that did not exist before this transaction has no adoptions, attachments or copy check
            Row row = ItemRows.find(c, newId).orElseThrow(() -> IntakeException.notFound("item " + newId));
            return view(c, row, actor, true);
        });
    }

    @Override
    public ItemView update(UserAccount actor, String id, Draft draft) {
        Row row = visible(actor, id);
        String unit = row.item().unit();
        if (!actor.has(Role.OFFICER) || !unit.equals(actor.unit())) {
            throw forbidden("only an officer of unit " + unit + " edits its items");
        }
        ItemStatus status = row.item().status();
        if (!Workflow.editable(status)) {
            throw conflict("an item in state " + status.wire() + " is no longer edited", row, actor);
        }
        if (draft.unit() != null && !draft.unit().equals(unit)) {
            throw new ValidationException(new ValidationError("$.unit", "the unit of an item never changes"));
        }
        Instant now = clock.instant();
        Notice notice = validator.validate(draft, unit, id, now);
        Deadlines.Due due = due(draft, notice);
        db.transaction(c -> {
            Item item = new Item(id, unit, draft.type(), draft.title(), draft.body(), null, draft.occurredAt(),
                    draft.notice(), draft.group(), draft.follows(), status, false);
            if (!ItemRows.edit(c, item, status, now, due)) {
                throw changedMeanwhile(id);
            }
            ItemRows.history(c, id, now, actor.username(), "edit", status, status, null);
            db.audit(c, actor.username(), "item.edit", "item:" + id, status.wire());
            return null;
        });
        return get(actor, id);
    }

    private Deadlines.Due due(Draft draft, Notice notice) {
        if (draft.type() == ItemType.MEETING && draft.occurredAt() != null) {
            LocalDate day = draft.occurredAt().atZone(settings.zone()).toLocalDate();
            return deadlines.of(draft.type(), draft.occurredAt(), notice, calendars.around(day));
        }
        return deadlines.of(draft.type(), draft.occurredAt(), notice, null);
    }

    // ---- reading --------------------------------------------------------------------------------------

    @Override
    public ItemPage list(UserAccount actor, ItemQuery query) {
        String only = actor.prefectureWide() ? null : actor.unit();
        if (!actor.prefectureWide() && only == null) {
            return new ItemPage(List.of(), query.page(), query.size(), 0);
        }
        return db.read(c -> search.page(c, query, only, clock.instant()));
    }

    @Override
    public ItemView get(UserAccount actor, String id) {
        return db.read(c -> {
            Row row = ItemRows.find(c, id).filter(r -> Workflow.visible(actor, r.item().unit()))
                    .orElseThrow(() -> IntakeException.notFound("item " + id));
            return view(c, row, actor);
        });
    }

    private ItemView view(Connection c, Row r, UserAccount u) throws SQLException {
        return view(c, r, u, false);
    }

    /** @param created the item was created in {@code c}'s transaction: nothing refers to it yet */
    private ItemView view(Connection c, Row r, UserAccount u, boolean created) throws SQLException {
        Item i = r.item();
        Deadline deadline = r.deadlineAt() == null || r.deadlineRule() == null ? null
                : Deadline.of(r.deadlineRule(), r.deadlineAt(), i.submittedAt(), clock.instant());
        boolean reviewing = u.has(Role.REVIEWER) || u.has(Role.SIGNER) || u.has(Role.EDITOR) || u.has(Role.ADMIN);
        CopyCheck copy = reviewing && !created ? ItemRows.copyCheck(c, i.id()).orElse(null) : null;
        List<Action> actions = new ArrayList<>();
        for (Action a : Workflow.allowed(i.status(), i.type(), i.researchQualified(), r.forwardedAt() != null)) {
            if (Workflow.may(u, a, i.unit(), i.status())) {
                actions.add(a);
            }
        }
        return new ItemView(i, r.createdBy(), r.createdAt(), r.updatedAt(), deadline,
                signoff(r.checkedBy(), r.checkedAt(), r.checkVerdict()),
                signoff(r.signedBy(), r.signedBy() == null ? null : i.submittedAt(), null),
                signoff(r.screenedBy(), r.screenedAt(), r.rejectReason()),
                signoff(r.forwardedBy(), r.forwardedAt(), null), copy,
                created ? List.of() : ItemRows.adoptions(c, i.id()), created ? List.of() : ItemRows.attachments(c, i.id()),
                ItemRows.history(c, i.id()), actions);
    }

    private static Signoff signoff(String by, Instant at, String note) {
        return by == null ? null : new Signoff(by, at, note);
    }

    /** @return the item if the actor may see it; another unit's item is not found (never its data) */
    private Row visible(UserAccount actor, String id) {
        return db.read(c -> ItemRows.find(c, id)).filter(r -> Workflow.visible(actor, r.item().unit()))
                .orElseThrow(() -> IntakeException.notFound("item " + id));
    }

    // ---- transitions ----------------------------------------------------------------------------------

    @Override
    public ItemView transition(UserAccount actor, String id, TransitionRequest req) {
        if (req.action() == null) {
            throw new ValidationException(new ValidationError("$.action", "is required"));
        }
        Row row = visible(actor, id);
        Item item = row.item();
        Action action = req.action();
        ItemStatus from = item.status();
        if (!Workflow.allowed(from, item.type(), item.researchQualified(), row.forwardedAt() != null).contains(action)) {
            throw conflict(action.wire() + " is not allowed on an item in state " + from.wire()
                    + (action == Action.QUALIFY && item.type() != ItemType.RESEARCH ? " (only research qualifies)" : ""),
                    row, actor);
        }
        if (!Workflow.may(actor, action, item.unit(), from)) {
            throw forbidden(action.wire() + " on this item is not among your roles");
        }
        String comment = note("$.comment", req.comment());
        String note = switch (action) {
            case RETURN -> {
                if (comment == null) {
                    throw new ValidationException(new ValidationError("$.comment",
                            "is required: tell the officer what to change"));
                }
                yield comment;
            }
            case REJECT -> {
                if (req.reason() == null) {
                    throw new ValidationException(new ValidationError("$.reason",
                            "is required: not_rural_revitalization or copied (Art. 7(5))"));
                }
                yield req.reason().wire() + (comment == null ? "" : ": " + comment);
            }
            case APPROVE -> verdict(req.verdict()) + (comment == null ? "" : ": " + comment);
            default -> comment;
        };
        Instant now = clock.instant();
        CopyCheck copy = action == Action.SUBMIT ? corpus.check(id, item.body(), now) : null;
        ItemStatus to = Workflow.target(action, from);
        db.transaction(c -> {
            if (!apply(c, row, action, to, now, actor.username(), req)) {
                throw changedMeanwhile(id);
            }
            if (action == Action.SUBMIT) {
                ItemRows.copyCheck(c, id, copy);
            }
            ItemRows.history(c, id, now, actor.username(), action.wire(), from, to, note);
            db.audit(c, actor.username(), "item." + action.wire(), "item:" + id,
                    from.wire() + " → " + to.wire() + (note == null ? "" : ": " + note));
            if (Workflow.changesFacts(action)) {
                db.itemChanged(c, id);
            }
            return null;
        });
        if (action == Action.SUBMIT) {
            corpus.add(id, item.body());
        }
        return get(actor, id);
    }

    private String verdict(String verdict) {
        String v = note("$.verdict", verdict);
        if (v != null && v.length() > 500) {
            throw new ValidationException(new ValidationError("$.verdict", "at most 500 characters"));
        }
        return v == null ? "passed" : v;
    }

    private static String note(String path, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > NOTE_MAX) {
            throw new ValidationException(new ValidationError(path, "at most " + NOTE_MAX + " characters"));
        }
        return text.strip();
    }

    /** The row change of one action, guarded by the state it was taken in. */
    private static boolean apply(Connection c, Row row, Action action, ItemStatus to, Instant now, String by,
            TransitionRequest req) throws SQLException {
        String id = row.item().id();
        ItemStatus from = row.item().status();
        return switch (action) {
            case SUBMIT -> ItemRows.move(c, id, from, to, now, "");
            case APPROVE -> ItemRows.move(c, id, from, to, now, "checked_by = ?, checked_at = ?, check_verdict = ?",
                    by, now, req.verdict() == null || req.verdict().isBlank() ? "passed" : req.verdict().strip());
            // Art. 7: signing sends it; the prefecture receives it now (scoring's submitted_at)
            case SIGN -> ItemRows.move(c, id, from, to, now, "signed_by = ?, submitted_at = ?", by, now);
            // back to the officer: no longer with the prefecture until signed again
            case RETURN -> ItemRows.move(c, id, from, to, now, "submitted_at = NULL, signed_by = NULL");
            case ACCEPT -> ItemRows.move(c, id, from, to, now, "screened_by = ?, screened_at = ?, reject_reason = NULL",
                    by, now);
            case REJECT -> ItemRows.move(c, id, from, to, now, "screened_by = ?, screened_at = ?, reject_reason = ?",
                    by, now, req.reason().wire());
            case QUALIFY -> ItemRows.move(c, id, from, to, now, "research_qualified = ?", Boolean.TRUE);
            case FORWARD -> ItemRows.move(c, id, from, to, now, "forwarded_at = ?, forwarded_by = ?", now, by);
        };
    }

    // ---- adoptions (Art. 19(1)) -----------------------------------------------------------------------

    @Override
    public ItemView adopt(UserAccount actor, String id, AdoptionRequest req) {
        Row row = visible(actor, id);
        if (!actor.has(Role.EDITOR)) {
            throw forbidden("recording an adoption needs the role editor");
        }
        List<ValidationError> errors = new ArrayList<>();
        if (req.level() == null) {
            errors.add(new ValidationError("$.level", "is required"));
        }
        if (req.at() == null) {
            errors.add(new ValidationError("$.at", "is required"));
        }
        if (req.issue() != null && req.issue().length() > 100) {
            errors.add(new ValidationError("$.issue", "at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0).toString(), errors);
        }
        if (row.item().status() != ItemStatus.ACCEPTED) {
            throw conflict("only an accepted item is adopted; this one is " + row.item().status().wire(), row, actor);
        }
        Instant now = clock.instant();
        String issue = req.issue() == null || req.issue().isBlank() ? null : req.issue().strip();
        db.transaction(c -> {
            if (adoptionExists(c, id, req.level())) {
                throw new IntakeException(Kind.CONFLICT, "$.level", "item " + id + " is already adopted at "
                        + req.level().wire(), List.of());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO adoptions (item, level, at, issue) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, req.level().wire());
                Columns.date(ps, 3, req.at());
                Columns.text(ps, 4, issue);
                ps.executeUpdate();
            }
            String note = req.level().wire() + " " + req.at() + (issue == null ? "" : " " + issue);
            ItemRows.history(c, id, now, actor.username(), "adopt", ItemStatus.ACCEPTED, ItemStatus.ACCEPTED, note);
            db.audit(c, actor.username(), "item.adopt", "item:" + id, note);
            db.itemChanged(c, id);
            return null;
        });
        return get(actor, id);
    }

    @Override
    public ItemView withdrawAdoption(UserAccount actor, String id, AdoptionLevel level) {
        Row row = visible(actor, id);
        if (!actor.has(Role.EDITOR)) {
            throw forbidden("withdrawing an adoption needs the role editor");
        }
        Instant now = clock.instant();
        ItemStatus status = row.item().status();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM adoptions WHERE item = ? AND level = ?")) {
                ps.setString(1, id);
                ps.setString(2, level.wire());
                if (ps.executeUpdate() == 0) {
                    throw IntakeException.notFound("adoption of item " + id + " at " + level.wire());
                }
            }
            ItemRows.history(c, id, now, actor.username(), "withdraw_adoption", status, status, level.wire());
            db.audit(c, actor.username(), "item.withdraw_adoption", "item:" + id, level.wire());
            db.itemChanged(c, id);
            return null;
        });
        return get(actor, id);
    }

    private static boolean adoptionExists(Connection c, String id, AdoptionLevel level) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM adoptions WHERE item = ? AND level = ?")) {
            ps.setString(1, id);
            ps.setString(2, level.wire());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- attachments ----------------------------------------------------------------------------------

    @Override
    public Attachment attach(UserAccount actor, String id, String name, String declaredType, InputStream content) {
        Row row = visible(actor, id);
        String unit = row.item().unit();
        if (!actor.has(Role.OFFICER) || !unit.equals(actor.unit())) {
            throw forbidden("only an officer of unit " + unit + " attaches files to its items");
        }
        if (!Workflow.editable(row.item().status())) {
            throw conflict("files are attached while the item is a draft or returned", row, actor);
        }
        AttachmentFiles.Stored stored = files.store(content);
        String fileName = FileNames.clean(name, MediaTypes.extension(stored.mediaType()));
        Instant now = clock.instant();
        try {
            return db.transaction(c -> {
                int seq;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COALESCE(MAX(seq), 0) + 1 FROM attachments WHERE item = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        seq = rs.getInt(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachments (item, seq, name, media_type, "
                        + "size_bytes, sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setInt(2, seq);
                    ps.setString(3, fileName);
                    ps.setString(4, stored.mediaType());
                    ps.setLong(5, stored.size());
                    ps.setString(6, stored.sha256());
                    Columns.instant(ps, 7, now);
                    ps.setString(8, actor.username());
                    ps.executeUpdate();
                }
                db.audit(c, actor.username(), "item.attach", "item:" + id, seq + " " + fileName + " "
                        + stored.mediaType() + " " + stored.size() + " sha256:" + stored.sha256());
                return new Attachment(seq, fileName, stored.mediaType(), stored.size(), stored.sha256(), now,
                        actor.username());
            });
        } catch (RuntimeException e) {
            files.discard(stored);
            throw e;
        }
    }

    @Override
    public AttachmentContent attachment(UserAccount actor, String id, int seq) {
        visible(actor, id);
        Attachment a = db.read(c -> ItemRows.attachments(c, id)).stream().filter(x -> x.seq() == seq).findFirst()
                .orElseThrow(() -> IntakeException.notFound("attachment " + seq + " of item " + id));
        Path file = files.file(a.sha256());
        if (!Files.isRegularFile(file)) {
            throw IntakeException.notFound("the file of attachment " + seq + " of item " + id);
        }
        return new AttachmentContent(a, file);
    }

    // ---- refusals -------------------------------------------------------------------------------------

    private static IntakeException forbidden(String message) {
        return new IntakeException(Kind.FORBIDDEN, message);
    }

    /** 409 naming the actions the item allows in its state (whoever may take them). */
    private static IntakeException conflict(String message, Row row, UserAccount actor) {
        Item i = row.item();
        List<String> allowed = Workflow.allowed(i.status(), i.type(), i.researchQualified(), row.forwardedAt() != null)
                .stream().map(Action::wire).toList();
        return new IntakeException(Kind.CONFLICT, "$.action", message + "; allowed now: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), allowed);
    }

    private static IntakeException changedMeanwhile(String id) {
        return new IntakeException(Kind.CONFLICT, "$.action", "item " + id + " changed meanwhile; reload it",
                List.of());
    }

    /** For tests and measurements: the number of earlier items the copy check knows. */
    int copyIndexSize() {
        return corpus.size();
    }
}
