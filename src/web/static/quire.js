// Quire's progressive enhancement: every page works without this file; with it, the theme switches in place,
// tag fields suggest canonical tags as you type, a comment's Reply opens a form in place, and deletions ask first.
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

// A Reply link leads to the reply form's own page; here a copy of the page's comment form opens under the comment
// instead, posting to the same address. Its fields get ids of their own, so their labels still point at them.
function enhanceCommentReplies() {
  const template = document.querySelector("form[data-comment-form]");
  if (!template) return;
  let opened = 0;
  for (const link of document.querySelectorAll("a[data-reply]")) {
    link.addEventListener("click", (event) => {
      const comment = link.closest("article");
      if (!comment) return;
      event.preventDefault();
      const open = comment.querySelector(":scope > form.comment-form");
      if (open) return open.querySelector("textarea")?.focus();
      opened += 1;
      const form = template.cloneNode(true);
      form.removeAttribute("data-comment-form");
      form.action = link.dataset.reply;
      for (const field of form.querySelectorAll("[id]")) {
        const id = `${field.id}-reply-${opened}`;
        form.querySelector(`label[for="${field.id}"]`)?.setAttribute("for", id);
        for (const described of form.querySelectorAll(`[aria-describedby="${field.id}"]`)) described.setAttribute("aria-describedby", id);
        field.id = id;
      }
      const text = form.querySelector("textarea");
      if (text) text.value = "";
      form.querySelector("button[type=submit]").textContent = "Reply";
      comment.append(form);
      text?.focus();
    });
  }
}

// Forms that delete something (data-confirm) ask before they go.
function enhanceConfirmations() {
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
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
  enhanceCommentReplies();
  enhanceConfirmations();
  enhancePostButton();
});
