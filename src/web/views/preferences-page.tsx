/** The reader's preferences form. */
import { CsrfField } from "./csrf-field.js";
import { MAX_MUTED_TAGS } from "../reader-prefs.js";
import type { PageContext } from "../page-context.js";
import { Layout } from "./layout.js";

const THEME_LABELS = { system: "Follow my system", light: "Light", dark: "Dark" } as const;
const FONT_LABELS = { small: "Small", medium: "Medium", large: "Large", larger: "Larger" } as const;
const WIDTH_LABELS = { narrow: "Narrow", medium: "Medium", wide: "Wide", full: "Full width" } as const;

export function PreferencesPage(props: { page: PageContext; saved: boolean; problems: readonly string[] | null }) {
  const { prefs } = props.page;
  return (
    <Layout page={props.page} title="Preferences">
      <h1>Reading preferences</h1>
      {props.saved && <p class="notice" role="status">Your preferences were saved.</p>}
      {props.problems && <div class="errors" role="alert"><p>The preferences could not be saved:</p><ul>{props.problems.map((p) => <li>{p}</li>)}</ul></div>}
      <p>{props.page.viewer ? "Kept on your account: every browser you sign in on follows them." : "Kept in a cookie in this browser. Sign in to keep them on your account."}</p>
      <form method="post" action="/preferences">
        <CsrfField page={props.page} />
        <fieldset>
          <legend>Theme</legend>
          {Object.entries(THEME_LABELS).map(([value, label]) => (
            <div><input type="radio" id={`theme-${value}`} name="theme" value={value} checked={prefs.theme === value} /> <label for={`theme-${value}`}>{label}</label></div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Reading</legend>
          <div class="field">
            <label for="pref-font">Text size</label>
            <select id="pref-font" name="fontSize">{Object.entries(FONT_LABELS).map(([v, l]) => <option value={v} selected={prefs.fontSize === v}>{l}</option>)}</select>
          </div>
          <div class="field">
            <label for="pref-width">Line width</label>
            <select id="pref-width" name="lineWidth">{Object.entries(WIDTH_LABELS).map(([v, l]) => <option value={v} selected={prefs.lineWidth === v}>{l}</option>)}</select>
          </div>
          <div class="field check"><input type="checkbox" id="pref-full-work" name="fullWork" checked={prefs.fullWork} /> <label for="pref-full-work">Show the entire work by default, not one chapter at a time</label></div>
        </fieldset>
        <fieldset>
          <legend>Tags and content</legend>
          <div class="field check"><input type="checkbox" id="pref-hide-warnings" name="hideWarnings" checked={prefs.hideWarnings} /> <label for="pref-hide-warnings">Hide archive warnings until I choose to show them</label></div>
          <div class="field check"><input type="checkbox" id="pref-hide-freeforms" name="hideFreeforms" checked={prefs.hideFreeforms} /> <label for="pref-hide-freeforms">Hide additional tags until I choose to show them</label></div>
          <div class="field check"><input type="checkbox" id="pref-adult" name="showAdult" checked={prefs.showAdult} /> <label for="pref-adult">Show adult content without asking</label></div>
          <div class="field">
            <label for="pref-muted">Muted tags</label>
            <textarea id="pref-muted" name="mutedTags" rows={4} cols={40} aria-describedby="pref-muted-hint">{prefs.mutedTags.join("\n")}</textarea>
            <span class="hint" id="pref-muted-hint">One per line (up to {MAX_MUTED_TAGS}). Works with these tags, their synonyms or sub-tags are left out of every listing and count.</span>
          </div>
        </fieldset>
        <button type="submit" class="primary">Save preferences</button>
      </form>
    </Layout>
  );
}
