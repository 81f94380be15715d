package org.ruralinfo.archive;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.ruralinfo.api.UserAccount;

/**
 * Year volumes, archive packages, their verification and the offline exchange (Art. 12, 16).
 * <p>
 * A year's volume holds every accepted item of that year (by {@code submitted_at}, Asia/Shanghai) that was
 * forwarded to the regional bureau or adopted at a regional level, with its attachments, adoptions,
 * history and audit rows. Closing a volume freezes it: its content is written once under
 * {@code ${ruralinfo.home}/archive/volumes/<year>/} and its items and adoptions are locked in the
 * database; afterwards it is only annotated. The product never deletes a closed volume.
 * <p>
 * Callers check roles; the service checks state. Failures: {@link ArchiveException} (not found, a
 * conflict, a hostile or untrusted package), {@link org.ruralinfo.api.ValidationException} for bad input.
 */
@ProviderType
public interface Archive {
    /** @return every year that has a volume (open with content, or closed), newest first */
    List<Volume> volumes();

    /** @return the year's volume, open (computed now) or closed (as frozen) */
    Volume volume(int year);

    /** Closes the year's volume: frozen, read-only, locked; a second close is a conflict. */
    Volume close(UserAccount actor, int year);

    /** Registers a paper copy filed against an open volume (a closed one is only annotated). */
    PaperCopy registerPaper(UserAccount actor, int year, PaperRequest request);

    /** @return the paper copies registered against the year's volume, in order of registration */
    List<PaperCopy> paper(int year);

    /** Annotates a closed volume (or one of its items); every annotation is an audit row too. */
    Annotation annotate(UserAccount actor, int year, String item, String note);

    /** @return the annotations of the year's volume, oldest first */
    List<Annotation> annotations(int year);

    /** Writes the year's archive package (ZIP) to {@code out}; the stream is not closed. */
    void writePackage(UserAccount actor, int year, OutputStream out);

    /**
     * Verifies a package read once from {@code zip}, writing nothing anywhere.
     *
     * @throws ArchiveException of kind {@link ArchiveException.Kind#HOSTILE} for a package that is no ZIP,
     *                          holds unsafe paths, duplicate names, or exceeds a limit (a zip bomb)
     */
    Verification verify(InputStream zip);

    /**
     * Writes a signed exchange package of {@code unit}'s screened items submitted from {@code from} to
     * {@code to} (inclusive, local dates), with their adoptions and attachments, for the CD path (Art. 16).
     */
    void writeExchangePackage(UserAccount actor, String unit, LocalDate from, LocalDate to, OutputStream out);

    /**
     * Imports an exchange package, verified first (intact, signed by a trusted key), all or nothing and
     * idempotent: the same package a second time changes nothing.
     */
    ImportResult importExchangePackage(UserAccount actor, InputStream zip);

    /** @return the largest package body {@link #verify} and {@link #importExchangePackage} accept (bytes) */
    long packageLimit();

    /** @return the installation's public key, PEM ({@code -----BEGIN PUBLIC KEY-----}) */
    String publicKeyPem();

    /** @return the fingerprint of the installation's key: SHA-256 (hex) of its X.509 encoding */
    String fingerprint();

    /** Trusts another installation's public key (PEM) for verification and import. */
    TrustedKey trust(UserAccount actor, String pem, String label);

    /** @return the keys this installation trusts: its own, configured ones and registered ones */
    List<TrustedKey> trustedKeys();
}
