package io.taquilla.gateway.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;

/**
 * The purchase site's files (the {@code purchase-site} jar on the classpath), read once at start.
 * The assets' version is a hash of their content: pages link to {@code /assets/<version>/...},
 * so an asset URL never changes meaning and can be cached for a year, and a new build changes
 * every URL at once. Each page's inline import map is allowed by its hash in the CSP.
 */
final class SiteFiles {

    static final String ROOT = "purchase-site/";
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    record Asset(byte[] content, MediaType type) {}

    record Page(byte[] html, String etag, String scriptHash) {}

    private final Map<String, Asset> assets;
    private final Map<String, Page> pages;
    private final String version;

    private SiteFiles(Map<String, Asset> assets, Map<String, Page> pages, String version) {
        this.assets = assets;
        this.pages = pages;
        this.version = version;
    }

    static SiteFiles load() {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(SiteFiles.class.getClassLoader());
            Map<String, Asset> assets = new TreeMap<>();
            MessageDigest digest = sha256();
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + "assets/**")) {
                if (!resource.isReadable() || resource.getFilename() == null || resource.getFilename().isEmpty()) {
                    continue;
                }
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(ROOT + "assets/") + (ROOT + "assets/").length());
                assets.put(path, new Asset(read(resource), mediaType(path)));
            }
            assets.forEach((path, asset) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update(asset.content());
            });
            String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            Map<String, Page> pages = new TreeMap<>();
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + "pages/*.html")) {
                String name = resource.getFilename().replaceFirst("\\.html$", "");
                String html = new String(read(resource), StandardCharsets.UTF_8).replace("{{v}}", version);
                Matcher importMap = IMPORT_MAP.matcher(html);
                String scriptHash = importMap.find()
                        ? "'sha256-" + Base64.getEncoder().encodeToString(sha256().digest(importMap.group(1).getBytes(StandardCharsets.UTF_8))) + "'"
                        : "";
                byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
                pages.put(name, new Page(bytes, "\"" + HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 16) + "\"", scriptHash));
            }
            return new SiteFiles(Map.copyOf(assets), Map.copyOf(pages), version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the purchase site from the classpath", e);
        }
    }

    String version() {
        return version;
    }

    Optional<Asset> asset(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    Optional<Page> page(String name) {
        return Optional.ofNullable(pages.get(name));
    }

    boolean present() {
        return !pages.isEmpty();
    }

    private static byte[] read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MediaType mediaType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "js" -> new MediaType("text", "javascript", StandardCharsets.UTF_8);
            case "css" -> new MediaType("text", "css", StandardCharsets.UTF_8);
            case "svg" -> MediaType.valueOf("image/svg+xml");
            case "png" -> MediaType.IMAGE_PNG;
            case "webp" -> MediaType.valueOf("image/webp");
            case "woff2" -> MediaType.valueOf("font/woff2");
            case "json" -> MediaType.APPLICATION_JSON;
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }
}
