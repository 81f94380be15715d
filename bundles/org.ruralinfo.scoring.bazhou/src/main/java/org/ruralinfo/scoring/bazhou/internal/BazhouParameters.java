package org.ruralinfo.scoring.bazhou.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.ruralinfo.api.AdoptionLevel;
import org.ruralinfo.api.ItemStatus;
import org.ruralinfo.api.ItemType;
import org.ruralinfo.api.OutletLevel;
import org.ruralinfo.api.UnitKind;
import org.ruralinfo.api.Wire;
import org.ruralinfo.api.scoring.EvaluationRules;

/**
 * Every value of the Bayingolin policy, read once from a {@link BazhouConfig}: the scoring code
 * holds no constants of its own.
 *
 * @param information Art. 19(1) information points
 * @param publicity   Art. 19(2)/(3) publicity points and the report window
 * @param quotas      Art. 6 quotas
 * @param deductions  Art. 20 deductions (negative)
 * @param deadlines   Art. 8 time standards of time-bound items
 * @param evaluation  Art. 21 commended / named per kind
 * @param counting    Art. 7(5) the item statuses that count (others count for nothing anywhere)
 * @param zone        the local time of every rule
 */
public record BazhouParameters(InformationPoints information, PublicityPoints publicity, Quotas quotas,
        Deductions deductions, Deadlines deadlines, EvaluationRules evaluation, Set<ItemStatus> counting,
        ZoneId zone) {

    public BazhouParameters {
        counting = Set.copyOf(counting);
    }

    /**
     * Art. 19(1).
     *
     * @param adoption              points per adoption level of an ordinary item (5 / 10 / 20)
     * @param research              points per adoption level of qualifying research (5 / 20 / 30)
     * @param researchQualified     qualifying research, on submission (10)
     * @param commissionedSubmitted commissioned, first on-time accepted item per notice and unit (5)
     * @param commissionedAdopted   commissioned, adopted by the prefecture (10)
     * @param commissionedReplacesBriefing whether that 10 replaces the briefing 5 (ruling: yes)
     * @param cumulative            whether the distinct adoption events of an item add up (ruling: yes);
     *                              otherwise only the highest counts (another region's rule)
     * @param splitCombined         whether a combined (综合) adoption's points are split equally among the
     *                              units it credits (another region's rule), the remainder of the integer
     *                              division to the item's own unit; Bayingolin: no, the item's unit gets them all
     * @param instructionTiers      the points of an ordinary item's {@code region_instruction} by the
     *                              leader's level ({@link #DEFAULT_TIER} for a level not listed or unknown);
     *                              empty (Bayingolin): {@code adoption.get(REGION_INSTRUCTION)} for all
     */
    public record InformationPoints(Map<AdoptionLevel, Integer> adoption, Map<AdoptionLevel, Integer> research,
            int researchQualified, int commissionedSubmitted, int commissionedAdopted,
            boolean commissionedReplacesBriefing, boolean cumulative, boolean splitCombined,
            Map<String, Integer> instructionTiers) {
        /** The tier of {@code instruction.tiers} for a leader level that is not listed or not known. */
        public static final String DEFAULT_TIER = "default";

        public InformationPoints {
            adoption = Map.copyOf(adoption);
            research = Map.copyOf(research);
            instructionTiers = Map.copyOf(instructionTiers);
        }

        /** @return the points of an ordinary item's regional instruction by a leader of this level (may be null) */
        public int instruction(String leader) {
            Integer tier = leader == null ? null : instructionTiers.get(leader);
            if (tier == null) {
                tier = instructionTiers.get(DEFAULT_TIER);
            }
            return tier != null ? tier : adoption.get(AdoptionLevel.REGION_INSTRUCTION);
        }
    }

    /**
     * Art. 19(2)/(3).
     *
     * @param news           points per outlet level, news papers
     * @param online         points per outlet level, sites and accounts
     * @param windowWorkdays reports count only when made by the end of this working day after the quarter
     * @param manuscriptOnce whether the reports sharing a manuscript score once at the highest level
     */
    public record PublicityPoints(Map<OutletLevel, Integer> news, Map<OutletLevel, Integer> online,
            int windowWorkdays, boolean manuscriptOnce) {
        public PublicityPoints {
            news = Map.copyOf(news);
            online = Map.copyOf(online);
        }
    }

    /**
     * Art. 6, per unit kind (0 where a kind has no such quota).
     *
     * @param types            the item types that count towards a kind's monthly and yearly quota
     * @param monthly          items per month
     * @param yearly           items per year (deducted only beyond the monthly shortfalls)
     * @param leadGroupMonthly summary items per month per group a lead unit leads
     * @param leadTypes        the item types that count for the group they name
     * @param researchPerHalfYear qualifying research per half-year
     * @param researchPerYear  qualifying research per year
     */
    public record Quotas(Map<UnitKind, Set<ItemType>> types, Map<UnitKind, Integer> monthly,
            Map<UnitKind, Integer> yearly, int leadGroupMonthly, Set<ItemType> leadTypes,
            Map<UnitKind, Integer> researchPerHalfYear, Map<UnitKind, Integer> researchPerYear) {
        public Quotas {
            types = Map.copyOf(types);
            monthly = Map.copyOf(monthly);
            yearly = Map.copyOf(yearly);
            leadTypes = Set.copyOf(leadTypes);
            researchPerHalfYear = Map.copyOf(researchPerHalfYear);
            researchPerYear = Map.copyOf(researchPerYear);
        }
    }

    /**
     * Art. 20, each ≤ 0.
     *
     * @param quotaItem    per item short of a quota
     * @param commissioned per notice and addressed unit not delivered by the deadline
     * @param research     per qualifying research item short
     * @param lateItem     per time-bound item reported late
     * @param missedCommissionedZeroYear 0: off (Bayingolin); N ≥ 1 (another region's rule): a unit that
     *                     missed N or more commissioned deadlines in the year scores zero for the year
     */
    public record Deductions(int quotaItem, int commissioned, int research, int lateItem,
            int missedCommissionedZeroYear) {
        public Deductions {
            if (missedCommissionedZeroYear < 0) {
                throw new IllegalArgumentException("commissioned.missed_zero_year must be 0 (off) or at least 1: "
                        + missedCommissionedZeroYear);
            }
        }
    }

    /**
     * Art. 8.
     *
     * @param emergency      an emergency is on time at most this long after it occurred (inclusive)
     * @param meetingWorkdays a meeting item is on time before the end of this working day after its day
     */
    public record Deadlines(Duration emergency, int meetingWorkdays) {
    }

    /**
     * @param zone the site's local time ({@link org.ruralinfo.api.Site#zone()}, PID org.ruralinfo.site)
     * @return the parameters of a configuration
     */
    public static BazhouParameters from(BazhouConfig c, ZoneId zone) {
        InformationPoints information = new InformationPoints(
                levels(c.adoption_prefecture__briefing(), c.adoption_region__publication(),
                        c.adoption_region__instruction()),
                // ruling on Art.19(1): qualifying research earns, like any item, the briefing 5
                levels(c.adoption_prefecture__briefing(), c.research_region__publication(),
                        c.research_region__instruction()),
                c.research_qualified(), c.commissioned_submitted(), c.commissioned_adopted(),
                c.commissioned_adoption__replaces__briefing(), c.information_cumulative(),
                c.adoption_split__combined(), tiers(c.instruction_tiers()));
        PublicityPoints publicity = new PublicityPoints(
                outlets(c.news_national(), c.news_region(), c.news_prefecture()),
                outlets(c.online_national(), c.online_region(), c.online_prefecture()),
                c.publicity_window__workdays(), c.publicity_manuscript__once());
        Quotas quotas = new Quotas(
                kinds(types(c.quota_county_types()), types(c.quota_member_types()),
                        types(c.quota_department_types())),
                kinds(c.quota_county_monthly(), c.quota_member_monthly(), c.quota_department_monthly()),
                kinds(0, 0, c.quota_department_yearly()),
                c.quota_lead_group__monthly(), types(c.quota_lead_types()),
                kinds(c.research_county_per__halfyear(), c.research_member_per__halfyear(), 0),
                kinds(0, 0, c.research_department_per__year()));
        Deductions deductions = new Deductions(c.deduction_quota__item(), c.deduction_commissioned(),
                c.deduction_research(), c.deduction_late__item(), c.commissioned_missed__zero__year());
        Deadlines deadlines = new Deadlines(Duration.ofMinutes(c.deadline_emergency__minutes()),
                c.deadline_meeting__workdays());
        EvaluationRules evaluation = new EvaluationRules(
                kinds(c.evaluation_top_county(), c.evaluation_top_member(), c.evaluation_top_department()),
                kinds(c.evaluation_bottom_county(), c.evaluation_bottom_member(), c.evaluation_bottom_department()));
        Set<ItemStatus> counting = EnumSet.noneOf(ItemStatus.class);
        for (String s : c.counting_statuses()) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    counting.add(parse(ItemStatus.class, part));
                }
            }
        }
        return new BazhouParameters(information, publicity, quotas, deductions, deadlines, evaluation, counting,
                zone);
    }

    /**
     * @param zone the local time of every rule
     * @return the parameters of the defaults of {@link BazhouConfig} (the measures and the rulings)
     */
    public static BazhouParameters defaults(ZoneId zone) {
        return from(config(Map.of()), zone);
    }

    /**
     * A configuration outside OSGi: every attribute its default unless {@code overrides} gives it, by
     * property name ({@code deadline.emergency_minutes}).
     */
    public static BazhouConfig config(Map<String, Object> overrides) {
        for (String name : overrides.keySet()) {
            if (Arrays.stream(BazhouConfig.class.getDeclaredMethods()).noneMatch(m -> propertyName(m).equals(name))) {
                throw new IllegalArgumentException("no attribute " + name);
            }
        }
        return (BazhouConfig) Proxy.newProxyInstance(BazhouConfig.class.getClassLoader(),
                new Class<?>[] { BazhouConfig.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "annotationType":
                            return BazhouConfig.class;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "BazhouConfig" + overrides;
                        default:
                            Object value = overrides.get(propertyName(method));
                            return value != null ? value : method.getDefaultValue();
                    }
                });
    }

    /**
     * A {@link BazhouConfig} view of another policy's configuration type that declares the same attributes
     * with other defaults, such as the variant policy's: each method of {@code type} gives the attribute of
     * the same name; an attribute {@code type} does not declare keeps the default of {@link BazhouConfig}.
     * So a policy that reuses these rules has its own Metatype (its own defaults, its own PID) and no
     * copy of the rules.
     *
     * @throws IllegalArgumentException when {@code type} declares a method that is not an attribute of
     *                                  {@link BazhouConfig} with the same return type
     */
    public static <C> BazhouConfig config(Class<C> type, C config) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.isSynthetic() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method own;
            try {
                own = BazhouConfig.class.getDeclaredMethod(m.getName());
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName() + " is no attribute of "
                        + BazhouConfig.class.getName(), e);
            }
            if (!own.getReturnType().equals(m.getReturnType())) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName() + " returns "
                        + m.getReturnType().getSimpleName() + ", not " + own.getReturnType().getSimpleName());
            }
            try {
                m.setAccessible(true);
                values.put(propertyName(m), m.invoke(config));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + type.getName() + "." + m.getName(), e);
            }
        }
        return config(values);
    }

    /** The DS name mapping of a configuration method: {@code __} is {@code _}, {@code _} is {@code .}. */
    static String propertyName(Method m) {
        return m.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    /**
     * @return the tiers of {@code instruction.tiers}: {@code level:points} entries, given as array elements
     *         or comma-separated (a {@code .cfg} file gives one string); blanks are ignored
     * @throws IllegalArgumentException for an entry that is not {@code level:points} or a level given twice
     */
    static Map<String, Integer> tiers(String[] entries) {
        Map<String, Integer> tiers = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String part : entry.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String level = colon < 0 ? "" : part.substring(0, colon).trim();
                int points;
                try {
                    points = Integer.parseInt(colon < 0 ? "" : part.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    level = "";
                    points = 0;
                }
                if (level.isEmpty()) {
                    throw new IllegalArgumentException("instruction.tiers: \"" + part.trim()
                            + "\" is not level:points (e.g. secretary:30)");
                }
                if (tiers.put(level, points) != null) {
                    throw new IllegalArgumentException("instruction.tiers: level " + level + " is given twice");
                }
            }
        }
        return tiers;
    }

    private static Map<AdoptionLevel, Integer> levels(int briefing, int publication, int instruction) {
        Map<AdoptionLevel, Integer> m = new EnumMap<>(AdoptionLevel.class);
        m.put(AdoptionLevel.PREFECTURE_BRIEFING, briefing);
        m.put(AdoptionLevel.REGION_PUBLICATION, publication);
        m.put(AdoptionLevel.REGION_INSTRUCTION, instruction);
        return m;
    }

    private static Map<OutletLevel, Integer> outlets(int national, int region, int prefecture) {
        Map<OutletLevel, Integer> m = new EnumMap<>(OutletLevel.class);
        m.put(OutletLevel.NATIONAL, national);
        m.put(OutletLevel.REGION, region);
        m.put(OutletLevel.PREFECTURE, prefecture);
        return m;
    }

    private static <V> Map<UnitKind, V> kinds(V county, V member, V department) {
        Map<UnitKind, V> m = new EnumMap<>(UnitKind.class);
        m.put(UnitKind.COUNTY, county);
        m.put(UnitKind.MEMBER, member);
        m.put(UnitKind.DEPARTMENT, department);
        return m;
    }

    private static Set<ItemType> types(String[] names) {
        Set<ItemType> s = EnumSet.noneOf(ItemType.class);
        for (String n : names) {
            // a .cfg file gives a list as one comma-separated string
            for (String part : n.split(",")) {
                if (!part.isBlank()) {
                    s.add(parse(ItemType.class, part));
                }
            }
        }
        return s;
    }

    private static <E extends Enum<E> & Wire> E parse(Class<E> type, String value) {
        E e = Wire.parse(type, value.trim());
        if (e == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + value);
        }
        return e;
    }
}
