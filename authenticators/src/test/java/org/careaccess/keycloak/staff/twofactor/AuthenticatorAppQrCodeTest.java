package org.careaccess.keycloak.staff.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class AuthenticatorAppQrCodeTest {

    private static final String KEY_URI = "otpauth://totp/Riverside%20Surgery%20staff:it%40example.org?secret=JBSWY3DPEHPK3PXP&digits=6"
            + "&algorithm=SHA1&issuer=Riverside%20Surgery%20staff&period=30";

    @Test
    void theSvgIsAQrCodeAScannerReadsBackAsTheKeyUri() throws Exception {
        String svg = AuthenticatorAppQrCode.svg(KEY_URI);

        assertThat(decode(svg)).isEqualTo(KEY_URI);
    }

    @Test
    void itIsServedAsADataUriImage() {
        String uri = AuthenticatorAppQrCode.dataUri(KEY_URI);

        assertThat(uri).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script");
    }

    /** Paints the SVG's modules into pixels, 4 per module, and lets zxing's reader scan them. */
    private static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 4;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                }
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
