package org.ruralinfo.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.ruralinfo.api.Site;

/**
 * The settings every bundle shares (PID {@value Site#PID}). Property names follow the DS mapping: {@code _} is
 * {@code .}, {@code __} is {@code _}.
 */
@ObjectClassDefinition(id = Site.PID, name = "站点设置 / site settings",
        description = "各模块共用的设置：时区、文件夹、访问地址 / the settings every bundle shares: time zone, folder of "
                + "files, public address")
@interface SiteConfig {
    @AttributeDefinition(name = "时区 / time zone",
            description = "所有规则、期限、日期与文书所用的本地时间(办法第八条) / the local time of every rule, deadline, "
                    + "date and document (Art. 8)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "文件夹 / folder of files", required = false,
            description = "附件与档案卷的文件夹；多节点时为共享文件夹。空：RURALINFO_FILES，否则 RURALINFO_HOME / "
                    + "attachments and archive volumes; a folder every node shares. Empty: RURALINFO_FILES, else "
                    + "RURALINFO_HOME")
    String files() default "";

    @AttributeDefinition(name = "访问地址 / public address", required = false,
            description = "工作人员访问控制台的地址，用于文书与消息中的链接，如 https://xxgz.bazhou.example/ / the address "
                    + "staff reach the console at, for links in documents and messages")
    String public_base__url() default "";
}
