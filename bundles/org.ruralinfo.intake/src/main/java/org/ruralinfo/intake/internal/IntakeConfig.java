package org.ruralinfo.intake.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The rule values of intake as configuration (PID {@code org.ruralinfo.intake}), with the defaults the
 * measures give. Property names follow the DS mapping: {@code _} is {@code .}, {@code __} is {@code _}.
 */
@ObjectClassDefinition(id = "org.ruralinfo.intake", name = "信息报送 / intake",
        description = "自治州乡村振兴信息工作管理办法(试行) 第五条、第七条、第八条 / Measures Art. 5, 7, 8")
public @interface IntakeConfig {
    @AttributeDefinition(name = "突发事件时限(小时) / emergency time standard (hours)",
            description = "第八条 突发事件、事故、灾情在发生后2小时内报送 / Art.8: within 2 hours after it happened")
    int emergency_hours() default 2;

    @AttributeDefinition(name = "重要会议时限(工作日) / meeting time standard (working days)",
            description = "第八条 重要会议精神、重大决策落实情况在3个工作日内报送 / Art.8: by the end of the 3rd working day after it was made")
    int meeting_working__days() default 3;

    @AttributeDefinition(name = "照抄照搬相似度阈值 / copy-check similarity threshold",
            description = "第七条(五) 不得照抄照搬: 字符三元组Jaccard相似度达到此值即提示 / Art.7(5): Jaccard similarity of character 3-grams from which the closest earlier item is shown")
    double copy_threshold() default 0.6;

    @AttributeDefinition(name = "附件大小上限(字节) / attachment size limit (bytes)",
            description = "照片、扫描件的最大字节数 / largest photo or scan accepted")
    long attachment_max__bytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "标题长度上限 / longest title (characters)")
    int title_max__length() default 500;

    @AttributeDefinition(name = "正文长度上限 / longest body (characters)")
    int body_max__length() default 200_000;
}
