package org.ruralinfo.commissioning.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Commissioning settings (PID {@code org.ruralinfo.commissioning}). Property names follow the DS mapping:
 * {@code _} is {@code .}, {@code __} is {@code _}.
 */
@ObjectClassDefinition(id = "org.ruralinfo.commissioning", name = "约稿 / commissioning",
        description = "自治州乡村振兴信息工作管理办法(试行) 第九条 / Measures Art. 9")
public @interface CommissioningConfig {
    @AttributeDefinition(name = "约稿通知编号前缀 / notice id prefix",
            description = "新约稿通知的编号为 前缀-年份-序号, 如 YG-2025-001 / a new notice's id is prefix-year-number")
    String id_prefix() default "YG";

    @AttributeDefinition(name = "标题长度上限 / longest title")
    int title_max__length() default 500;

    @AttributeDefinition(name = "写作要求长度上限 / longest requirements")
    int requirements_max__length() default 10_000;

    @AttributeDefinition(name = "每个通知最多单位数 / most units per notice")
    int units_max() default 500;
}
