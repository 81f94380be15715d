package org.ruralinfo.supervision.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Supervision settings (PID {@code org.ruralinfo.supervision}). Property names follow the DS mapping:
 * {@code _} is {@code .}, {@code __} is {@code _}.
 */
@ObjectClassDefinition(id = "org.ruralinfo.supervision", name = "督办 / supervision",
        description = "自治州乡村振兴信息工作管理办法(试行) 第六条、第十条、第十三条、第十七条 / Measures Art. 6, 10, 13, 17")
public @interface SupervisionConfig {
    @AttributeDefinition(name = "每日检查时间 / daily check time",
            description = "第十条 每个工作日的检查时间 (本地时间 HH:mm) / Art.10: local time of the check on every working day")
    String check_time() default "08:30";

    @AttributeDefinition(name = "启用每日检查 / daily check on")
    boolean check_enabled() default true;

    @AttributeDefinition(name = "检查租约(秒) / check lease (seconds)",
            description = "多节点时同一时刻只有一个节点检查 / with several nodes one node at a time runs the check")
    int check_lease__seconds() default 900;

    @AttributeDefinition(name = "约稿临近提醒(工作日) / notice due soon (working days)",
            description = "截止前几个工作日仍未报送的, 建议催办 / suggest a reminder this many working days before a deadline")
    int notice_due__soon__workdays() default 2;

    @AttributeDefinition(name = "调研信息提醒(天) / research warning (days)",
            description = "调研任务期末前几天仍未完成的, 建议催办 / suggest a reminder this many days before a research period ends")
    int research_warning__days() default 30;

    @AttributeDefinition(name = "已催办不再建议(天) / quiet after a reminder (days)",
            description = "同一事项催办后几天内不再建议 / no new suggestion for a subject reminded within these days")
    int quiet_days() default 3;

    @AttributeDefinition(name = "催办通知模板 / reminder notice template",
            description = "DOCX模板路径, 空则用内置模板; 占位符 {{doc_no}} {{unit_name}} {{subject}} {{subject_text}} {{note}} {{date}} {{issuer}} / "
                    + "path of the DOCX template, empty for the built-in one")
    String reminder_template() default "";

    @AttributeDefinition(name = "发文单位 / issuer", description = "催办通知、通报的落款 / who signs reminder notices and circulars")
    String issuer() default "巴州乡村振兴局宣教统计科";

}
