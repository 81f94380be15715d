package org.ruralinfo.archive.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The archive's limits and trusted keys (PID {@code org.ruralinfo.archive}). Property names follow the DS
 * mapping: {@code _} is {@code .}, {@code __} is {@code _}.
 */
@ObjectClassDefinition(id = "org.ruralinfo.archive", name = "档案 / archive",
        description = "自治州乡村振兴信息工作管理办法(试行) 第十二条 立卷归档、第十六条 光盘传递 / Measures Art. 12, 16")
public @interface ArchiveConfig {
    @AttributeDefinition(name = "档案包大小上限(字节) / largest package accepted (bytes)",
            description = "上传的ZIP包(校验、导入)的最大字节数 / largest ZIP body of verify and import")
    long package_max__bytes() default 512L * 1024 * 1024;

    @AttributeDefinition(name = "解压总量上限(字节) / largest total uncompressed size (bytes)")
    long uncompressed_max__bytes() default 1024L * 1024 * 1024;

    @AttributeDefinition(name = "单个文件上限(字节) / largest single file (bytes)")
    long entry_max__bytes() default 256L * 1024 * 1024;

    @AttributeDefinition(name = "文件个数上限 / most files in a package")
    int entries_max() default 20_000;

    @AttributeDefinition(name = "压缩比上限 / highest compression ratio",
            description = "解压后与压缩前字节数之比超过此值(且超过1 MiB)即视为压缩炸弹 / above this ratio (past 1 MiB) a package is a zip bomb")
    int ratio_max() default 100;

    @AttributeDefinition(name = "信任的公钥 / trusted public keys",
            description = "其他安装的Ed25519公钥(PEM或Base64 X.509) / other installations' Ed25519 public keys (PEM or Base64 X.509)")
    String[] trusted_keys() default {};
}
