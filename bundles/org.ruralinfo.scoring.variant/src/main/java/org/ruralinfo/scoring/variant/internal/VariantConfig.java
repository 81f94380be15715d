package org.ruralinfo.scoring.variant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of the variant policy (PID {@code org.ruralinfo.scoring.variant}): the attributes of
 * the Bayingolin rules it reuses ({@code BazhouConfig}, same names and types, checked by a test), with
 * the defaults of the variant:
 * <ul>
 * <li>{@code information.cumulative = false}: an item scores only its highest adoption level;</li>
 * <li>{@code adoption.split_combined = true}: a combined (综合) adoption's points are split equally among
 * the units it credits, the remainder of the integer division to the item's own unit;</li>
 * <li>{@code instruction.tiers = secretary:30, chairman:30, deputy_secretary:20, vice_chairman:20,
 * default:20}: a regional instruction scores by the level of the leader who instructed;</li>
 * <li>{@code commissioned.missed_zero_year = 2}: a unit that missed two or more commissioned deadlines
 * in the year scores zero for the year.</li>
 * </ul>
 * Every other value is the Bayingolin measures' (Art. 6, 8, 19–21). Property names follow the DS
 * mapping: {@code _} is {@code .}, {@code __} is {@code _}.
 */
@ObjectClassDefinition(id = "org.ruralinfo.scoring.variant", name = "计分办法(其他地区规则) / Variant scoring policy",
        description = "巴州办法之上启用其他地区的规则: 只计最高采用级别, 综合采用分摊, 领导批示分级, 约稿漏报2次及以上年度计零 / "
                + "The Bayingolin rules with rules of other regions: highest adoption level only, combined adoptions split, "
                + "instruction points by the leader's level, two missed commissioned deadlines zero the year")
public @interface VariantConfig {

    // ---- Art. 19(1) information points -------------------------------------------------------

    @AttributeDefinition(name = "简报采用 / adopted by the prefecture briefing",
            description = "第十九条(一) 被巴州乡村振兴简报采用单条计5分 / Art.19(1): per item adopted by the prefecture briefing")
    int adoption_prefecture__briefing() default 5;

    @AttributeDefinition(name = "自治区刊物采用 / adopted by the regional publication",
            description = "第十九条(一) 被自治区乡村振兴局信息刊物采用计10分 / Art.19(1): adopted by the regional bureau's publication")
    int adoption_region__publication() default 10;

    @AttributeDefinition(name = "自治区领导批示 / instructed on by a regional leader",
            description = "第十九条(一) 被自治区党委、政府领导批示计20分 / Art.19(1): instructed on by a regional Party or government leader")
    int adoption_region__instruction() default 20;

    @AttributeDefinition(name = "约稿报送 / commissioned item submitted",
            description = "第十九条(一) 约稿信息报送1条计5分; 每个约稿通知每单位一次, 按时报送的第一条 / Art.19(1): once per notice and unit, its first accepted item delivered by the deadline")
    int commissioned_submitted() default 5;

    @AttributeDefinition(name = "约稿采用 / commissioned item adopted",
            description = "第十九条(一) 约稿信息被采用计10分 / Art.19(1): commissioned item adopted by the prefecture")
    int commissioned_adopted() default 10;

    @AttributeDefinition(name = "约稿采用替代简报分 / commissioned adoption replaces the briefing points",
            description = "第十九条(一) 裁定: 约稿被州采用的10分替代简报采用的5分 (5+10, 而非5+10+5) / Art.19(1) ruling: the 10 replaces the ordinary 5")
    boolean commissioned_adoption__replaces__briefing() default true;

    @AttributeDefinition(name = "有质量的调研信息报送 / qualifying research submitted",
            description = "第十九条(一) 符合要求的综合性调研信息每报1篇计10分 / Art.19(1): per qualifying research item submitted")
    int research_qualified() default 10;

    @AttributeDefinition(name = "调研信息被自治区刊物采用 / research adopted by the regional publication",
            description = "第十九条(一) 调研信息被自治区乡村振兴局信息刊物采用计20分 / Art.19(1): qualifying research adopted by the regional publication")
    int research_region__publication() default 20;

    @AttributeDefinition(name = "调研信息获自治区领导批示 / research instructed on by a regional leader",
            description = "第十九条(一) 调研信息被自治区党委、政府领导批示计30分 / Art.19(1): qualifying research instructed on by a regional leader")
    int research_region__instruction() default 30;

    @AttributeDefinition(name = "信息积分累加 / information points add up",
            description = "第十九条(一) 裁定: 同一条信息的不同采用事件分数累加 (5+10+20) / Art.19(1) ruling: points add up over the distinct adoption events of one item; false: only the highest counts")
    boolean information_cumulative() default false;

    @AttributeDefinition(name = "综合采用分数分摊 / split a combined adoption among its units",
            description = "第十九条(一) 本州裁定: 综合(多单位)采用只计入信息所属单位, 得全分 (false). 其他地区规则: 分数由所列单位平均分摊, "
                    + "整除, 余数归信息所属单位 (true) / Art.19(1): false (Bayingolin) credits only the item's unit with full points; "
                    + "true (another region's rule) splits the points equally among the credited units, integer division, "
                    + "the remainder to the item's own unit")
    boolean adoption_split__combined() default true;

    @AttributeDefinition(name = "领导批示分级 / instruction points by the leader's level",
            description = "第十九条(一) 本州: 自治区领导批示一律按 adoption.region_instruction 计分 (空). 其他地区规则: 按批示领导级别计分, "
                    + "如 secretary:30,chairman:30,deputy_secretary:20,vice_chairman:20,default:20; 未列级别按 default, "
                    + "无 default 按 adoption.region_instruction; 有质量的调研信息仍按 research.region_instruction / "
                    + "Art.19(1): empty (Bayingolin) gives every instruction adoption.region_instruction; else leader:points "
                    + "pairs (another region's rule), 'default' for a level not listed or unknown")
    String[] instruction_tiers() default { "secretary:30", "chairman:30", "deputy_secretary:20", "vice_chairman:20",
            "default:20" };

    @AttributeDefinition(name = "约稿漏报年度计零分 / missed commissioned deadlines that zero the year",
            description = "第二十条 本州: 不适用 (0). 其他地区规则: 全年未按时报送约稿信息达N次及以上的, 年度得分计零 (只影响年度, 不改季度) / "
                    + "Art.20: 0 (Bayingolin) = off; N >= 1 (another region's rule): a unit that missed N or more commissioned "
                    + "deadlines in the year scores zero for the year (the quarters stay as ranked)")
    int commissioned_missed__zero__year() default 2;

    @AttributeDefinition(name = "计分的信息状态 / item statuses that count",
            description = "第七条(五) 只有编辑采用(accepted)的信息计分, 退回(rejected)的信息一律不计 / Art.7(5): statuses of an item that count for points and quotas")
    String[] counting_statuses() default { "accepted" };

    // ---- Art. 19(2)/(3) publicity points -----------------------------------------------------

    @AttributeDefinition(name = "国家级报刊 / national papers",
            description = "第十九条(二) 人民日报、经济日报等国家级报刊每篇积20分 / Art.19(2): national papers")
    int news_national() default 20;

    @AttributeDefinition(name = "自治区级报刊 / regional papers",
            description = "第十九条(二) 新疆日报、今日新疆等自治区级报刊每篇积10分 / Art.19(2): regional papers")
    int news_region() default 10;

    @AttributeDefinition(name = "自治州级报刊 / prefecture papers",
            description = "第十九条(二) 巴音郭楞日报等自治州级报刊每篇积5分 / Art.19(2): prefecture papers")
    int news_prefecture() default 5;

    @AttributeDefinition(name = "国家级网站 / national sites",
            description = "第十九条(三) 人民网、新华网、学习强国等国家级网站每篇(组)积20分 / Art.19(3): national sites")
    int online_national() default 20;

    @AttributeDefinition(name = "自治区级网站及公众号 / regional sites and accounts",
            description = "第十九条(三) 昆仑网、天山网、小疆有话说等每篇(组)积10分 / Art.19(3): regional sites and WeChat accounts")
    int online_region() default 10;

    @AttributeDefinition(name = "自治州级网站及公众号 / prefecture sites and accounts",
            description = "第十九条(三) 巴州零距离等每篇(组)积5分 / Art.19(3): prefecture sites and accounts")
    int online_prefecture() default 5;

    @AttributeDefinition(name = "宣传报送期限(工作日) / publicity report window (working days)",
            description = "第十九条 每季度结束后5个工作日内报送; 逾期报送不计分, 显示为逾期 / Art.19: reported by the end of the 5th working day after the quarter, else nothing")
    int publicity_window__workdays() default 5;

    @AttributeDefinition(name = "同一稿件按最高级别计一次 / one manuscript scores once at its highest level",
            description = "第十九条 裁定: 同一稿件多处刊发只按最高级别计一次, 后续更高级别只补差额 / Art.19 ruling: a later higher level adds only the difference")
    boolean publicity_manuscript__once() default true;

    // ---- Art. 20 deductions --------------------------------------------------------------------

    @AttributeDefinition(name = "少报1条 / each item short of a quota",
            description = "第二十条 信息未按规定时间和数量要求报送的, 少报1条扣减5分 / Art.20: each item short of a quota (number)")
    int deduction_quota__item() default -5;

    @AttributeDefinition(name = "约稿未按时报送 / commissioned item not delivered",
            description = "第二十条 未按规定时限报送约稿信息, 每次扣减10分 / Art.20: per notice and addressed unit without an item by the deadline")
    int deduction_commissioned() default -10;

    @AttributeDefinition(name = "调研信息未按时报送 / research item not delivered",
            description = "第二十条 未按规定时限报送调研信息的, 每次扣减20分 / Art.20: per missing qualifying research item")
    int deduction_research() default -20;

    @AttributeDefinition(name = "时限类信息迟报 / time-bound item late",
            description = "第二十条 裁定: 重要会议(3个工作日)、突发事件(2小时)信息迟报, 每条扣减5分 / Art.20 ruling: a late time-bound item is one item not reported on time")
    int deduction_late__item() default -5;

    // ---- Art. 6 quotas ---------------------------------------------------------------------------

    @AttributeDefinition(name = "县市每月信息数 / county monthly items",
            description = "第六条(一) 各县市每月报送工作成效类、经验做法类信息不少于5篇 / Art.6(1)")
    int quota_county_monthly() default 5;

    @AttributeDefinition(name = "县市计入月度任务的类型 / county quota types",
            description = "第六条(一) 裁定: 工作成效类、经验做法类 / Art.6(1) ruling: work_results and experience")
    String[] quota_county_types() default { "work_results", "experience" };

    @AttributeDefinition(name = "成员单位每月信息数 / member monthly items",
            description = "第六条(二) 各成员单位每月报送工作成效类、经验做法类信息不少于2篇 / Art.6(2)")
    int quota_member_monthly() default 2;

    @AttributeDefinition(name = "成员单位计入月度任务的类型 / member quota types",
            description = "第六条(二) 裁定: 工作成效类、经验做法类 / Art.6(2) ruling: work_results and experience")
    String[] quota_member_types() default { "work_results", "experience" };

    @AttributeDefinition(name = "专项组牵头单位每月汇总信息数 / lead unit monthly summaries per group",
            description = "第六条(二) 十个专项组牵头单位每月不少于3篇; 裁定: 在本单位2篇之外, 按其牵头的每个专项组计 / Art.6(2) ruling: in addition, per group led")
    int quota_lead_group__monthly() default 3;

    @AttributeDefinition(name = "专项组汇总信息类型 / group summary types",
            description = "第六条(二) 专项组汇总信息, 计入其所注明的专项组 / Art.6(2): items that count for the group they name")
    String[] quota_lead_types() default { "group_summary" };

    @AttributeDefinition(name = "科室每月业务信息数 / department monthly items",
            description = "第六条(三) 各科室每月报送业务工作信息不少于1篇 / Art.6(3)")
    int quota_department_monthly() default 1;

    @AttributeDefinition(name = "科室全年业务信息数 / department yearly items",
            description = "第六条(三) 全年不少于12篇; 裁定: 只扣超出已扣月度缺额的部分 / Art.6(3) ruling: only the excess over the monthly shortfalls already deducted")
    int quota_department_yearly() default 12;

    @AttributeDefinition(name = "科室计入任务的类型 / department quota types",
            description = "第六条(三) 裁定: 仅业务工作信息 / Art.6(3) ruling: business items only")
    String[] quota_department_types() default { "business" };

    @AttributeDefinition(name = "县市每半年调研信息数 / county research per half-year",
            description = "第六条(一) 每半年报送至少1篇有质量的调研信息 / Art.6(1): qualifying research per half-year")
    int research_county_per__halfyear() default 1;

    @AttributeDefinition(name = "成员单位每半年调研信息数 / member research per half-year",
            description = "第六条(二) 每半年报送至少1篇有质量的调研信息 / Art.6(2): qualifying research per half-year")
    int research_member_per__halfyear() default 1;

    @AttributeDefinition(name = "科室每年调研信息数 / department research per year",
            description = "第六条(三) 每年报送不少于1篇有质量的调研信息 / Art.6(3): qualifying research per year")
    int research_department_per__year() default 1;

    // ---- Art. 8 time standards -------------------------------------------------------------------

    @AttributeDefinition(name = "突发事件时限(分钟) / emergency deadline (minutes)",
            description = "第八条 突发事件、事故、灾情2小时内报送 (含2:00:00) / Art.8: within 2 hours of occurred_at, inclusive")
    int deadline_emergency__minutes() default 120;

    @AttributeDefinition(name = "重要会议时限(工作日) / meeting deadline (working days)",
            description = "第八条 重要会议精神、重大决策落实3个工作日内报送, 至第3个工作日结束 / Art.8: by the end of the 3rd working day after the day it was made")
    int deadline_meeting__workdays() default 3;

    // ---- Art. 21 evaluation ----------------------------------------------------------------------

    @AttributeDefinition(name = "表扬县市数 / counties commended",
            description = "第二十一条 县市排名前3位予以表扬 / Art.21: top counties")
    int evaluation_top_county() default 3;

    @AttributeDefinition(name = "表扬成员单位数 / member units commended",
            description = "第二十一条 成员单位排名前10位予以表扬 / Art.21: top member units")
    int evaluation_top_member() default 10;

    @AttributeDefinition(name = "表扬科室数 / departments commended",
            description = "第二十一条 局科室排名前3位予以表扬 / Art.21: top departments")
    int evaluation_top_department() default 3;

    @AttributeDefinition(name = "通报县市数 / counties named",
            description = "第二十一条 裁定: 排名靠后为末3位 / Art.21 ruling: bottom counties named in a circular")
    int evaluation_bottom_county() default 3;

    @AttributeDefinition(name = "通报成员单位数 / member units named",
            description = "第二十一条 裁定: 排名靠后为末3位 / Art.21 ruling: bottom member units named")
    int evaluation_bottom_member() default 3;

    @AttributeDefinition(name = "通报科室数 / departments named",
            description = "第二十一条 裁定: 排名靠后为末3位 / Art.21 ruling: bottom departments named")
    int evaluation_bottom_department() default 3;
}
