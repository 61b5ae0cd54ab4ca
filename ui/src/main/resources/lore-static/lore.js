// Small progressive enhancements; every page works without this file.
(() => {
  "use strict";

  // Forms that do something drastic ask first.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Suggestions as you type, for search boxes marked data-suggest: an ARIA combobox over
  // /api/suggest. Arrow keys move, Enter opens the highlighted page, Escape closes; typing and
  // pressing Enter without choosing still submits the search form as usual.
  const KINDS = { article: "page", person: "person", skill: "skill", question: "question" };
  const DELAY_MS = 150;

  function attach(input, n) {
    const id = `${input.id || "q" + n}-suggestions`;
    const list = document.createElement("ul");
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    const status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.form.append(list, status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    let items = [];
    let active = -1;
    let timer;
    let request;
    let shownFor = "";

    const open = (isOpen) => {
      list.hidden = !isOpen;
      input.setAttribute("aria-expanded", String(isOpen));
      if (!isOpen) {
        highlight(-1);
      }
    };
    const highlight = (index) => {
      active = index;
      [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
        list.children[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };
    const choose = (index) => window.location.assign(items[index].url);
    const render = (suggestions, query) => {
      items = suggestions;
      shownFor = query;
      list.replaceChildren(...suggestions.map((s, i) => {
        const li = document.createElement("li");
        li.id = `${id}-${i}`;
        li.className = "suggestion";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        const title = document.createElement("span");
        title.textContent = s.title;
        const kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = KINDS[s.type] || s.type;
        li.append(title, kind);
        // mousedown, not click: the input keeps focus, so blur does not close the list first.
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return li;
      }));
      status.textContent = query.length < 2 ? "" : `${suggestions.length} suggestion${suggestions.length === 1 ? "" : "s"}`;
      open(suggestions.length > 0);
    };
    const suggest = async () => {
      const query = input.value.trim();
      if (query.length < 2) {
        render([], query);
        return;
      }
      if (query === shownFor && items.length > 0) {
        open(true);
        return;
      }
      request?.abort();
      request = new AbortController();
      try {
        const response = await fetch(`/api/suggest?limit=8&q=${encodeURIComponent(query)}`, {
          signal: request.signal,
          headers: { Accept: "application/json" },
        });
        if (response.ok && input.value.trim() === query) {
          render((await response.json()).suggestions || [], query);
        }
      } catch (error) {
        if (error.name !== "AbortError") {
          open(false);
        }
      }
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, DELAY_MS);
    });
    input.addEventListener("keydown", (event) => {
      if (list.hidden) {
        if (event.key === "ArrowDown" && items.length > 0 && input.value.trim() === shownFor) {
          open(true);
          highlight(0);
          event.preventDefault();
        }
        return;
      }
      if (event.key === "ArrowDown") {
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        choose(active);
      } else if (event.key === "Escape") {
        open(false);
      } else {
        return;
      }
      event.preventDefault();
    });
    input.addEventListener("blur", () => open(false));
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);

  // On narrow screens the search filters start folded, so the results come first.
  const filters = document.querySelector(".facet-panel");
  if (filters) {
    const narrow = window.matchMedia("(max-width: 860px)");
    const fit = () => {
      filters.open = !narrow.matches;
    };
    fit();
    narrow.addEventListener("change", fit);
  }
  // Files in the editor: picking, pasting or dropping a file uploads it to the page (POST
  // /api/files) and writes its Markdown at the cursor. Without this script the picker is a plain
  // form that uploads and comes back to the editor.
  const picker = document.querySelector(".editor-files form[data-upload-form]");
  const text = document.getElementById("markdown");
  if (picker && text) {
    const input = picker.querySelector("input[type=file]");
    const page = picker.querySelector("input[type=hidden][name=article]");
    const csrf = picker.querySelector("input[name=_csrf]").value;
    const status = document.createElement("p");
    status.className = "hint";
    status.setAttribute("role", "status");
    picker.append(status);

    const insert = (snippet) => {
      text.focus();
      text.setRangeText(snippet, text.selectionStart, text.selectionEnd, "end");
      text.dispatchEvent(new Event("input", { bubbles: true })); // the preview follows
    };
    const upload = async (file) => {
      const body = new FormData();
      body.append("article", page.value);
      body.append("file", file, file.name || "pasted-image.png");
      status.textContent = `Uploading ${file.name}…`;
      try {
        const response = await fetch("/api/files", {
          method: "POST",
          body,
          headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
        });
        const json = await response.json();
        if (!response.ok) {
          status.textContent = `${file.name} was not attached: ${json.detail || json.error || response.status}`;
          return;
        }
        const label = json.name.replace(/[\[\]\\]/g, "");
        insert(`${json.type.startsWith("image/") ? "!" : ""}[${label}](${json.url})`);
        status.textContent = `${json.name} is attached and in the text.`;
      } catch (error) {
        status.textContent = `${file.name} was not attached: ${error.message}`;
      }
    };
    const uploadAll = async (files) => {
      for (const file of files) {
        await upload(file);
      }
    };

    input.addEventListener("change", () => {
      const files = [...input.files];
      input.value = "";
      uploadAll(files);
    });
    picker.addEventListener("submit", (event) => {
      event.preventDefault();
      uploadAll([...input.files]);
      input.value = "";
    });
    text.addEventListener("paste", (event) => {
      const images = [...(event.clipboardData?.files || [])].filter((f) => f.type.startsWith("image/"));
      if (images.length > 0) {
        event.preventDefault();
        uploadAll(images);
      }
    });
    text.addEventListener("dragover", (event) => {
      if (event.dataTransfer?.types.includes("Files")) {
        event.preventDefault();
      }
    });
    text.addEventListener("drop", (event) => {
      const files = [...(event.dataTransfer?.files || [])];
      if (files.length > 0) {
        event.preventDefault();
        uploadAll(files);
      }
    });
  }

  // A link icon after each heading of an article: it points at the heading, and a click also
  // copies the address, ready to paste into chat.
  document.querySelectorAll(".article .markdown :is(h2, h3, h4)[id]").forEach((h) => {
    const a = document.createElement("a");
    a.className = "heading-link";
    a.href = `#${h.id}`;
    a.textContent = "#";
    a.setAttribute("aria-label", `Copy a link to “${h.textContent}”`);
    a.addEventListener("click", () => {
      const url = `${location.origin}${location.pathname}#${h.id}`;
      if (navigator.clipboard) {
        navigator.clipboard.writeText(url).catch(() => {});
      }
    });
    h.append(a);
  });

  // Editor drafts: what is typed is saved on the server (per person and page) a moment after
  // typing stops, and when the tab is hidden; leaving with changes not yet saved anywhere asks
  // first. The form's data-draft-state says "saved" once the server holds the latest text.
  const editor = document.querySelector("form.editor[data-draft-url]");
  if (editor) {
    const url = editor.dataset.draftUrl;
    const csrf = editor.querySelector("input[name=_csrf]")?.value || "";
    const status = editor.querySelector(".draft-status");
    const value = (name) => editor.querySelector(`[name=${name}]`)?.value || "";
    const snapshot = () =>
      JSON.stringify({
        title: value("title"),
        markdown: value("markdown"),
        tags: value("tags"),
        skills: value("skills"),
        baseRevision: Number(value("baseRevision")) || 0,
      });
    let saved = snapshot();
    let submitting = false;
    let timer;
    const save = async (keepalive) => {
      clearTimeout(timer);
      const body = snapshot();
      if (body === saved) {
        return;
      }
      editor.dataset.draftState = "saving";
      try {
        const response = await fetch(url, {
          method: "PUT",
          body,
          keepalive,
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Accept: "application/json" },
        });
        if (response.ok) {
          saved = body;
          if (snapshot() === saved) {
            editor.dataset.draftState = "saved";
            if (status) status.textContent = "Draft saved";
          }
        } else {
          editor.dataset.draftState = "error";
          if (status) status.textContent = "Draft not saved";
        }
      } catch {
        editor.dataset.draftState = "error";
        if (status) status.textContent = "Draft not saved: offline?";
      }
    };
    editor.addEventListener("input", () => {
      editor.dataset.draftState = "dirty";
      clearTimeout(timer);
      timer = setTimeout(() => save(false), 1500);
    });
    editor.addEventListener("change", () => save(false));
    editor.addEventListener("submit", () => {
      submitting = true;
      clearTimeout(timer);
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden" && !submitting) {
        save(true);
      }
    });
    window.addEventListener("beforeunload", (event) => {
      if (!submitting && snapshot() !== saved) {
        save(true);
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }
})();
