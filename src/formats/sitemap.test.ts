import { describe, expect, it } from "vitest";
import { escapeXml, sitemapXml } from "./sitemap.js";

describe("sitemapXml", () => {
  it("writes each address with its date inside one urlset", () => {
    expect(sitemapXml([{ loc: "https://archive.test/works/1", lastmod: "2026-11-30" }, { loc: "https://archive.test/series/2" }])).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`
      + `  <url><loc>https://archive.test/works/1</loc><lastmod>2026-11-30</lastmod></url>\n`
      + `  <url><loc>https://archive.test/series/2</loc></url>\n</urlset>\n`,
    );
  });

  it("escapes markup and drops characters XML cannot hold, so an address cannot add elements", () => {
    expect(escapeXml(`a&b<c>"d'</loc><url>\u0000\u0008\ud800x`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;&lt;/loc&gt;&lt;url&gt;x");
    expect(escapeXml("Ünïcødé 🦊")).toBe("Ünïcødé 🦊");
  });
});
