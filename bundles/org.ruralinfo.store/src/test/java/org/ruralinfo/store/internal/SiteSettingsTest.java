package org.ruralinfo.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The site settings (PID org.ruralinfo.site): one place for the zone, the folder of files and the address. */
class SiteSettingsTest {

    @Test
    void theFolderOfFilesIsTheConfiguredOneElseRuralinfoFilesElseTheHome() {
        assertEquals(Path.of("/srv/shared").toAbsolutePath(),
                new SiteSettings("Asia/Shanghai", "/srv/shared", "", "/mnt/files", "/home/ri").files());
        assertEquals(Path.of("/mnt/files"), new SiteSettings("Asia/Shanghai", " ", "", "/mnt/files", "/home/ri").files());
        assertEquals(Path.of("/home/ri"), new SiteSettings("Asia/Shanghai", "", "", null, "/home/ri").files());
        assertEquals(Path.of("data").toAbsolutePath(), new SiteSettings("Asia/Shanghai", "", "", null, null).files());
    }

    @Test
    void theZoneAndTheAddressAreRead() {
        SiteSettings s = new SiteSettings("Asia/Urumqi", "", "https://xxgz.bazhou.example", null, "/h");
        assertEquals(ZoneId.of("Asia/Urumqi"), s.zone());
        assertEquals(Optional.of(URI.create("https://xxgz.bazhou.example/")), s.publicBaseUrl());
        assertEquals(Optional.empty(), new SiteSettings("Asia/Shanghai", "", "", null, "/h").publicBaseUrl());
    }

    @Test
    void aBadValueIsRefusedNamingItsProperty() {
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class,
                () -> new SiteSettings("Beijing", "", "", null, "/h"));
        assertTrue(zone.getMessage().contains("org.ruralinfo.site: zone"), zone.getMessage());
        for (String url : new String[] {"ftp://x.example/", "xxgz.bazhou.example", "https://", "http://a b/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SiteSettings("Asia/Shanghai", "", url, null, "/h"), url);
            assertTrue(e.getMessage().contains("public.base_url"), e.getMessage());
        }
    }
}
