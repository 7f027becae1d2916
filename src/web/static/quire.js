// Quire's progressive enhancement: every page works without this file; with it, the theme switches in place,
// and tag fields suggest canonical tags as you type.
"use strict";

function onReady(run) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}

// The theme buttons post to /preferences/theme; here the page switches at once and the choice is saved behind it.
// The stylesheet then shows the other button, which takes the focus.
function enhanceThemeToggle() {
  const form = document.querySelector("form.theme-toggle");
  if (!form) return;
  const root = document.documentElement;
  form.addEventListener("submit", (event) => {
    const chosen = event.submitter;
    if (!chosen || chosen.name !== "theme") return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form, chosen));
    root.classList.remove("theme-system", "theme-dark", "theme-light");
    root.classList.add(`theme-${chosen.value}`);
    form.querySelector(`button[value="${chosen.value === "dark" ? "light" : "dark"}"]`)?.focus();
    fetch(form.action, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
  });
}

// Comma-separated tag fields: suggestions for the name being typed, offered through the field's datalist.
function enhanceAutocomplete() {
  for (const input of document.querySelectorAll("input[data-autocomplete]")) {
    const list = document.createElement("datalist");
    list.id = `${input.id}-suggestions`;
    input.after(list);
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    let pending = null;
    input.addEventListener("input", () => {
      clearTimeout(pending);
      pending = setTimeout(async () => {
        const parts = input.value.split(/[,，、]/u);
        const term = parts[parts.length - 1].trim();
        if (term.length < 2) return list.replaceChildren();
        const before = parts.slice(0, -1).map((p) => p.trim()).filter((p) => p).join(", ");
        const url = new URL(input.dataset.autocomplete, window.location.href);
        url.searchParams.set("term", term);
        if (input.dataset.tagType) url.searchParams.set("type", input.dataset.tagType);
        const response = await fetch(url, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const suggestions = await response.json();
        list.replaceChildren(...suggestions.map((s) => {
          const option = document.createElement("option");
          option.value = before ? `${before}, ${s.name}` : s.name;
          option.label = s.type;
          return option;
        }));
      }, 150);
    });
  }
}

// The work form's main button says what it will do: "Save draft" while Draft is chosen, else "Post".
function enhancePostButton() {
  const button = document.querySelector("button[data-draft-label]");
  if (!button) return;
  for (const radio of button.form.querySelectorAll("input[name=visibility]")) {
    radio.addEventListener("change", () => {
      button.textContent = radio.value === "draft" ? button.dataset.draftLabel : button.dataset.postLabel;
    });
  }
}

onReady(() => {
  enhanceThemeToggle();
  enhanceAutocomplete();
  enhancePostButton();
});
