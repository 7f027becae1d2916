/** /sitemap.xml: the public archive's addresses, absolute, on the origin readers use. */
import { Hono } from "hono";
import { MAX_SITEMAP_URLS, sitemapXml } from "../../formats/sitemap.js";
import { readSitemap } from "../../services/archive/sitemap.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { siteOrigin } from "../request.js";
import { tagUrl } from "../tag-url.js";

export function sitemapRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  app.get("/sitemap.xml", async (c) => {
    const origin = siteOrigin(c);
    const contents = await readSitemap(deps, MAX_SITEMAP_URLS);
    const xml = sitemapXml([
      { loc: `${origin}/` },
      ...contents.fandoms.map((name) => ({ loc: `${origin}${tagUrl(name)}` })),
      ...contents.series.map((id) => ({ loc: `${origin}/series/${id}` })),
      ...contents.works.map((w) => ({ loc: `${origin}/works/${w.id}`, lastmod: w.changed })),
    ].slice(0, MAX_SITEMAP_URLS));
    return c.body(xml, 200, { "Content-Type": "application/xml; charset=utf-8" });
  });
  return app;
}
