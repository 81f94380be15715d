package org.ruralinfo.archive.internal;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ruralinfo.archive.Problem;
import org.ruralinfo.archive.Verification;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Judges a package read by {@link SafeZip}: the manifest must match its signature by a key the installation
 * trusts (its own, configured or registered; never merely the key the package carries), and every file must
 * match the manifest, none missing and none extra. A changed file is named by its path; a manifest that
 * does not match its signature is named {@value PackageWriter#MANIFEST} (it was changed or forged).
 */
final class Verifier {
    /** The verification, and the manifest when it could be read. */
    record Checked(Verification verification, JsonNode manifest, String manifestSha256) {
    }

    private Verifier() {
    }

    /** @param trusted the trusted key of a fingerprint, or null */
    static Checked check(SafeZip.Result zip, Function<String, PublicKey> trusted) {
        List<Problem> problems = new ArrayList<>();
        if (zip.damaged() != null) {
            problems.add(new Problem(zip.damaged(), zip.damage()));
        }
        SafeZip.Entry m = zip.entries().get(PackageWriter.MANIFEST);
        if (m == null) {
            problems.add(new Problem(PackageWriter.MANIFEST, zip.damaged() != null
                    ? "not read: the package is damaged before it" : "missing: the package has no manifest"));
            return new Checked(new Verification(false, problems, null, null, zip.entries().size()), null, null);
        }
        JsonNode manifest;
        try {
            manifest = PackageWriter.JSON.readTree(m.bytes());
        } catch (java.io.IOException e) {
            manifest = null;
        }
        if (manifest == null || !manifest.isObject() || !PackageWriter.FORMAT.equals(manifest.path("format").asText())
                || !manifest.path("files").isArray()) {
            problems.add(new Problem(PackageWriter.MANIFEST, "not a manifest of format " + PackageWriter.FORMAT));
            return new Checked(new Verification(false, problems, null, null, zip.entries().size()), null, m.sha256());
        }
        String fingerprint = manifest.path("signer").path("fingerprint").asText(null);
        String kind = manifest.path("kind").asText(null);
        signature(zip, m.bytes(), fingerprint, trusted, problems);

        Set<String> listed = new HashSet<>();
        for (JsonNode f : manifest.path("files")) {
            String path = f.path("path").asText("");
            String unsafe = SafeZip.unsafe(path);
            if (unsafe != null) {
                problems.add(new Problem(SafeZip.printable(path), "the manifest lists " + unsafe));
                continue;
            }
            if (!listed.add(path)) {
                problems.add(new Problem(path, "listed twice in the manifest"));
                continue;
            }
            SafeZip.Entry e = zip.entries().get(path);
            if (e == null) {
                if (zip.damaged() == null) {
                    problems.add(new Problem(path, "missing: listed in the manifest, not in the package"));
                }
                continue;
            }
            String sha = f.path("sha256").asText("");
            long size = f.path("size").asLong(-1);
            if (!e.sha256().equals(sha)) {
                problems.add(new Problem(path, "changed: its SHA-256 is " + e.sha256() + ", the manifest says " + sha));
            } else if (e.size() != size) {
                problems.add(new Problem(path, "changed: it has " + e.size() + " bytes, the manifest says " + size));
            }
        }
        for (String path : zip.entries().keySet()) {
            if (!listed.contains(path) && !path.equals(PackageWriter.MANIFEST) && !path.equals(PackageWriter.SIGNATURE)) {
                problems.add(new Problem(path, "extra: not listed in the manifest"));
            }
        }
        return new Checked(new Verification(problems.isEmpty(), problems, fingerprint, kind, zip.entries().size()),
                manifest, m.sha256());
    }

    private static void signature(SafeZip.Result zip, byte[] manifest, String fingerprint,
            Function<String, PublicKey> trusted, List<Problem> problems) {
        SafeZip.Entry s = zip.entries().get(PackageWriter.SIGNATURE);
        if (s == null) {
            problems.add(new Problem(PackageWriter.SIGNATURE, "missing: the manifest is not signed"));
            return;
        }
        byte[] sig;
        try {
            sig = Base64.getMimeDecoder().decode(new String(s.bytes(), StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(PackageWriter.SIGNATURE, "not a Base64 signature"));
            return;
        }
        PublicKey key = fingerprint == null ? null : trusted.apply(fingerprint);
        if (key != null) {
            if (!Keys.verify(key, manifest, sig)) {
                problems.add(new Problem(PackageWriter.MANIFEST,
                        "does not match its signature (manifest.sig): the manifest was changed or forged"));
            }
            return;
        }
        // not trusted: say whether it is at least consistent with the key it carries
        String carried = "";
        SafeZip.Entry pem = zip.entries().get(PackageWriter.PUBLIC_KEY);
        if (pem != null) {
            try {
                PublicKey k = Keys.publicKey(new String(pem.bytes(), StandardCharsets.US_ASCII));
                if (!Keys.fingerprint(k).equals(fingerprint) || !Keys.verify(k, manifest, sig)) {
                    problems.add(new Problem(PackageWriter.MANIFEST,
                            "does not match its signature (manifest.sig): the manifest was changed or forged"));
                    carried = null;
                }
            } catch (IllegalArgumentException e) {
                carried = null;
            }
        }
        problems.add(new Problem(PackageWriter.SIGNATURE, "signed by a key this installation does not trust"
                + (fingerprint == null ? "" : " (fingerprint " + fingerprint + ")")
                + (carried == null ? "" : "; register it with POST /api/v1/archive/trusted-keys if it is the sender's")));
    }
}
