/** The frame of every page: landmarks, the site header with search and the theme switch, the footer. */
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { PageContext } from "../page-context.js";
import { CsrfField } from "./csrf-field.js";
import { SuspensionBanner } from "./suspension-banner.js";

/** A page's Atom feed, announced in its head for feed readers to find. */
export interface PageFeed {
  href: string;
  title: string;
}

export function Layout(props: { page: PageContext; title: string; feed?: PageFeed | undefined; children: Child }) {
  const { prefs, assets, staticSite } = props.page;
  const classes = [`theme-${prefs.theme}`, `font-${prefs.fontSize}`, `width-${prefs.lineWidth}`].join(" ");
  return (
    <>
      {html`<!DOCTYPE html>`}
      <html lang="en" class={classes}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content={prefs.theme === "system" ? "light dark" : prefs.theme} />
          <title>{`${props.title} | Quire`}</title>
          <link rel="stylesheet" href={assets.css.url} />
          <link rel="icon" href={assets.icon.url} type="image/svg+xml" />
          {/* A static copy has no feeds: nothing would update them. */}
          {props.feed && !staticSite && <link rel="alternate" type="application/atom+xml" title={props.feed.title} href={props.feed.href} />}
          {!staticSite && <script src={assets.js.url} defer></script>}
        </head>
        <body>
          <a class="skip-link" href="#main">Skip to content</a>
          <header class="site-header">
            <div class="bar">
              <a class="site-name" href="/">Quire</a>
              <nav class="site-nav" aria-label="Site">
                <ul>
                  <li><a href="/fandoms">Fandoms</a></li>
                  <li><a href="/works">Works</a></li>
                  <li><a href="/works/search">Search</a></li>
                  {!staticSite && <li><a href="/collections">Collections</a></li>}
                  <li><a href="/stats">Stats</a></li>
                  {!staticSite && <li><a href="/preferences">Preferences</a></li>}
                </ul>
              </nav>
              {!staticSite && <LiveControls page={props.page} />}
            </div>
          </header>
          <main id="main" tabindex={-1}>
            <SuspensionBanner viewer={props.page.viewer} />
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="bar">
              <p>Quire, a self-hosted fan fiction archive. <a href="/stats">About this archive</a></p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** What only a served archive has: the search box, the account menu and the theme switch (they send forms). */
function LiveControls(props: { page: PageContext }) {
  return (
    <>
      <form class="site-search" role="search" aria-label="Site" method="get" action="/works">
        <label class="visually-hidden" for="site-search-q">Search works</label>
        <input type="search" id="site-search-q" name="q" placeholder="Search works" />
        <button type="submit">Search</button>
      </form>
      {/* Both switches are sent; the stylesheet shows the one that changes the theme on screen, which for
          "follow the system" only the browser knows. */}
      <AccountMenu page={props.page} />
      <form class="theme-toggle" method="post" action="/preferences/theme">
        <CsrfField page={props.page} />
        <input type="hidden" name="return" value={props.page.here} />
        <button type="submit" name="theme" value="dark" class="to-dark">Dark mode</button>
        <button type="submit" name="theme" value="light" class="to-light">Light mode</button>
      </form>
    </>
  );
}

/** Sign in and sign up for guests; the account's own pages and sign-out for a signed-in reader. */
function AccountMenu(props: { page: PageContext }) {
  const { viewer, here } = props.page;
  if (!viewer) {
    const back = here.startsWith("/login") || here.startsWith("/signup") ? "" : `?return=${encodeURIComponent(here)}`;
    return (
      <nav class="account-nav" aria-label="Account">
        <ul>
          <li><a href={`/login${back}`}>Sign in</a></li>
          <li><a href="/signup">Sign up</a></li>
        </ul>
      </nav>
    );
  }
  return (
    <nav class="account-nav" aria-label="Account">
      <ul>
        <li><a href="/account">{viewer.login}</a></li>
        {viewer.role !== "reader" && !viewer.suspended ? <li><a href="/works/new">Post</a></li> : null}
        <li><a href="/inbox">Inbox</a></li>
        {viewer.role === "moderator" || viewer.role === "admin" ? <><li><a href="/moderation">Moderation</a></li><li><a href="/wrangling">Wrangling</a></li></> : null}
        <li>
          <form method="post" action="/logout" class="inline-form">
            <CsrfField page={props.page} />
            <button type="submit" class="link-button">Sign out</button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
