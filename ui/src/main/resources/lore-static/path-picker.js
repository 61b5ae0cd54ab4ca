// The path form's step picker as you type: the pages /api/suggest completes what was typed to,
// each a button that posts the form to add that page as a step (as the server-rendered
// candidates do after Find). Enter in the box finds instead of saving. The form works without it.
(() => {
  "use strict";
  const input = document.getElementById("step-find");
  const find = document.getElementById("step-find-button");
  if (!input || !find) return;
  const list = document.createElement("ul");
  list.className = "plain step-candidates";
  list.id = "step-live";
  list.setAttribute("aria-label", "Pages as you type");
  list.setAttribute("aria-live", "polite");
  find.after(list);
  let timer;
  let request;

  function button(page) {
    const b = document.createElement("button");
    b.type = "submit";
    b.name = "add";
    b.value = page.slug;
    b.formNoValidate = true;
    b.textContent = `Add ${page.title}`;
    const li = document.createElement("li");
    li.append(b);
    return li;
  }

  async function suggest() {
    const query = input.value.trim();
    if (query.length < 2) {
      list.replaceChildren();
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
        const pages = ((await response.json()).suggestions || []).filter((s) => s.type === "article");
        list.replaceChildren(...pages.slice(0, 6).map(button));
      }
    } catch (error) {
      if (error.name !== "AbortError") list.replaceChildren();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      find.click();
    }
  });
})();
