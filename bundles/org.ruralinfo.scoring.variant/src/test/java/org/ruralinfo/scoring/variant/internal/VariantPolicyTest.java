package org.ruralinfo.scoring.variant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.scoring.bazhou.internal.BazhouConfig;
import org.ruralinfo.scoring.bazhou.internal.BazhouParameters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The variant as a bundle: the service it registers, its configuration, and what bnd made of it (the
 * manifest and OSGI-INF that bnd-process wrote to target/classes before the tests run).
 */
class VariantPolicyTest {

    /** target/classes: where VariantPolicy was loaded from. */
    private static Path classes() throws Exception {
        return Path.of(VariantPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void registersAScoringPolicyWithItsIdVersionAndEffectiveDate() throws Exception {
        Path osgiInf = classes().resolve("OSGI-INF");
        List<String> components;
        try (Stream<Path> files = Files.list(osgiInf)) {
            components = files.filter(p -> p.toString().endsWith(".xml")).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
        assertEquals(List.of("org.ruralinfo.scoring.variant.internal.VariantPolicy.xml"), components,
                "the embedded BazhouPolicy is not a component of this bundle");
        Element component = xml(osgiInf.resolve(components.get(0))).getDocumentElement();
        assertEquals("org.ruralinfo.scoring.variant", component.getAttribute("configuration-pid"));
        Map<String, String> properties = new TreeMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            properties.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        assertEquals("variant", properties.get("policy.id"));
        assertEquals("2026.1.0", properties.get("policy.version"));
        assertEquals("2026-01-01", properties.get("policy.effective.from"));
        // bnd also writes the defaults of the configuration type as component properties
        assertEquals("2", properties.get("commissioned.missed_zero_year"));
        assertEquals("false", properties.get("information.cumulative"));
        Element provide = (Element) component.getElementsByTagName("provide").item(0);
        assertEquals("org.ruralinfo.api.scoring.ScoringPolicy", provide.getAttribute("interface"));
        assertEquals("org.ruralinfo.scoring.variant.internal.VariantPolicy",
                ((Element) component.getElementsByTagName("implementation").item(0)).getAttribute("class"));
    }

    @Test
    void publishesItsOwnMetatypeOnly() throws Exception {
        List<String> ocds;
        try (Stream<Path> files = Files.list(classes().resolve("OSGI-INF/metatype"))) {
            ocds = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("org.ruralinfo.scoring.variant.xml"), ocds);
    }

    @Test
    void exportsNothingAndImportsOnlyTheApiOsgiAndJava() throws Exception {
        Manifest mf;
        try (InputStream in = Files.newInputStream(classes().resolve("META-INF/MANIFEST.MF"))) {
            mf = new Manifest(in);
        }
        Attributes a = mf.getMainAttributes();
        assertEquals("org.ruralinfo.scoring.variant", a.getValue("Bundle-SymbolicName"));
        assertNull(a.getValue("Export-Package"), "exports nothing: " + a.getValue("Export-Package"));
        String imports = a.getValue("Import-Package");
        for (String clause : imports.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String pkg = clause.split(";")[0].trim();
            assertTrue(pkg.startsWith("org.ruralinfo.api") || pkg.startsWith("org.osgi.") || pkg.startsWith("java."),
                    "import " + pkg + " in " + imports);
        }
        assertFalse(imports.contains("org.ruralinfo.scoring.bazhou"), imports);
        assertTrue(Files.isRegularFile(classes().resolve("org/ruralinfo/scoring/bazhou/internal/BazhouRules.class")),
                "the rules are embedded");
    }

    @Test
    void theConfigurationHasEveryAttributeOfTheRulesWithTheDefaultsOfTheVariant() {
        Map<String, Object> bazhou = defaults(BazhouConfig.class);
        Map<String, Object> variant = defaults(VariantConfig.class);
        assertEquals(bazhou.keySet(), variant.keySet(), "the same attributes as the rules it configures");
        Map<String, String> differ = new LinkedHashMap<>();
        for (String name : bazhou.keySet()) {
            if (!text(bazhou.get(name)).equals(text(variant.get(name)))) {
                differ.put(name, text(variant.get(name)));
            }
        }
        assertEquals(Map.of("information.cumulative", "false", "adoption.split_combined", "true",
                "instruction.tiers", "secretary:30,chairman:30,deputy_secretary:20,vice_chairman:20,default:20",
                "commissioned.missed_zero_year", "2"), differ, "other values as Bayingolin");
        for (Method m : VariantConfig.class.getDeclaredMethods()) {
            assertEquals(method(BazhouConfig.class, m.getName()).getReturnType(), m.getReturnType(), m.getName());
        }
    }

    @Test
    void itsDefaultsBecomeTheParametersOfTheRules() {
        BazhouParameters p = VariantPolicy.parameters(Variant.config(Map.of()), Variant.ZONE);
        assertFalse(p.information().cumulative());
        assertTrue(p.information().splitCombined());
        assertEquals(Map.of("secretary", 30, "chairman", 30, "deputy_secretary", 20, "vice_chairman", 20,
                "default", 20), p.information().instructionTiers());
        assertEquals(2, p.deductions().missedCommissionedZeroYear());
        assertEquals(BazhouParameters.defaults(Variant.ZONE).quotas(), p.quotas());
        assertEquals(BazhouParameters.defaults(Variant.ZONE).publicity(), p.publicity());
        assertEquals(Map.of(UnitKind.COUNTY, 3, UnitKind.MEMBER, 10, UnitKind.DEPARTMENT, 3),
                Variant.policy(Map.of()).evaluation().commended());
    }

    @Test
    void aConfigurationCanChangeEveryValueAsACfgFileGivesIt() {
        // a .cfg file gives a list as one comma-separated string
        BazhouParameters p = VariantPolicy.parameters(Variant.config(Map.of("instruction.tiers",
                new String[] { "secretary:40,default:10" }, "commissioned.missed_zero_year", 3,
                "adoption.prefecture_briefing", 6)), Variant.ZONE);
        assertEquals(Map.of("secretary", 40, "default", 10), p.information().instructionTiers());
        assertEquals(3, p.deductions().missedCommissionedZeroYear());
        assertEquals(6, p.information().adoption().get(org.ruralinfo.api.AdoptionLevel.PREFECTURE_BRIEFING));
    }

    @Test
    void aConfigurationThatCannotBeReadLeavesThePreviousRulesInForce() {
        Facts f = new Facts().unit("k", UnitKind.COUNTY).item("I-1", "k", "2025-02-10T10:00:00+08:00")
                .adopt("I-1", org.ruralinfo.api.AdoptionLevel.REGION_INSTRUCTION, "2025-03-01", List.of(), "secretary");
        VariantPolicy policy = Variant.policy(Facts.NO_QUOTAS);
        policy.modified(Variant.config(Map.of("instruction.tiers", new String[] { "secretary=40" })));
        assertEquals(30, instruction(policy, f), "the secretary tier still 30");
        policy.modified(Variant.config(Map.of("instruction.tiers", new String[] { "secretary:40" })));
        assertEquals(40, instruction(policy, f), "a good one applies");
    }

    private static int instruction(VariantPolicy policy, Facts f) {
        return policy.score(f.facts("2025-Q1")).lines().stream().filter(l -> l.ref().equals("item:I-1"))
                .mapToInt(org.ruralinfo.api.scoring.PointLine::points).sum();
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getDeclaredMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getSimpleName() + " has no " + name, e);
        }
    }

    private static Map<String, Object> defaults(Class<?> type) {
        Map<String, Object> out = new TreeMap<>();
        for (Method m : type.getDeclaredMethods()) {
            out.put(Variant.propertyName(m), m.getDefaultValue());
        }
        return out;
    }

    private static String text(Object value) {
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }
}
