// morgue's search page: the URL is the state (q, outlet, entity, from, to, sort, offset,
// doc), so a search can be bookmarked and shared and back/forward work. Everything from the
// index is inserted as text, except snippets, which morgued sends HTML-escaped with
// <mark> around the matches.
"use strict";
(() => {
  const PAGE = 10;
  const MAX_OFFSET = 10000;  // kMaxOffset: deeper pages are refused by the server
  const $ = (id) => document.getElementById(id);
  // The entity facets shown beside the outlets, each in its own section of index.html.
  const ENTITY_TYPES = ["person", "organization", "place"];
  const TYPE_LABEL = { person: "person", organization: "organization", place: "place", other: "name" };

  function el(tag, props = {}, ...kids) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const kid of kids.flat()) {
      if (kid !== null && kid !== undefined) node.append(kid instanceof Node ? kid : String(kid));
    }
    return node;
  }

  // Indexed URLs come from crawled data: only http(s) becomes a link.
  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch {
      return null;
    }
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function humanDate(iso) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return iso || "";
    const month = MONTHS[Number(m[2]) - 1];
    return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
  }
  const pad = (n) => String(n).padStart(2, "0");
  const lastDayOfMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  // A filter list with one value switched on or off.
  const toggled = (list, value, on) => (on ? list.filter((x) => x !== value) : [...list, value]);
  const hasFilters = (s) => s.outlets.length || s.entities.length || s.from || s.to;

  // ---- state <-> URL ----
  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    const offset = parseInt(p.get("offset") || "0", 10);
    return {
      q: p.get("q") || "", outlets: p.getAll("outlet"), entities: p.getAll("entity"),
      from: p.get("from") || "", to: p.get("to") || "",
      sort: p.get("sort") === "date" ? "date" : "relevance",
      offset: Number.isFinite(offset) && offset > 0 ? offset : 0, doc: p.get("doc") || "",
    };
  }
  function searchParams(s) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    for (const o of s.outlets) p.append("outlet", o);
    for (const e of s.entities) p.append("entity", e);
    if (s.from) p.set("from", s.from);
    if (s.to) p.set("to", s.to);
    if (s.sort !== "relevance") p.set("sort", s.sort);
    if (s.offset) p.set("offset", String(s.offset));
    return p;
  }
  function pageUrl(s) {
    const p = searchParams(s);
    if (s.doc) p.set("doc", s.doc);
    const qs = p.toString();
    return qs ? `/?${qs}` : "/";
  }

  let state = stateFromUrl();
  let current = -1;  // the result j/k has moved to
  function navigate(changes, focusMain = false) {
    state = { ...state, offset: 0, doc: "", ...changes };
    const url = pageUrl(state);
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
    render().then(() => {
      if (focusMain) {
        window.scrollTo(0, 0);
        $("main").focus({ preventScroll: true });
      }
    });
  }
  window.addEventListener("popstate", () => {
    state = stateFromUrl();
    render();
  });

  // ---- talking to morgued ----
  let inflight = null;
  async function getJson(url) {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    let res;
    try {
      res = await fetch(url, { signal: inflight.signal, headers: { Accept: "application/json" } });
    } catch (e) {
      if (e.name === "AbortError") return { aborted: true };
      return { status: 0, error: { code: "network", message: "Cannot reach morgued. Is it running?" } };
    }
    let body = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (res.ok && body) return { status: res.status, body };
    const error = (body && body.error) || { code: "http", message: `The server answered ${res.status}.` };
    return { status: res.status, error };
  }

  // ---- rendering ----
  function clearViews() {
    for (const id of ["results", "pager", "active-filters", "bars", "axis", "outlet-facet", "intro",
      ...ENTITY_TYPES.map((t) => `${t}-facet`)]) {
      $(id).replaceChildren();
    }
    for (const t of ENTITY_TYPES) $(`${t}-section`).hidden = true;
    $("intro").hidden = true;
    $("timeline").hidden = true;
    $("doc").hidden = true;
    $("filters").hidden = true;
  }

  function syncForm() {
    $("q").value = state.q;
    $("sort").value = state.sort;
    $("from").value = state.from;
    $("to").value = state.to;
    document.title = state.q ? `${state.q} · morgue` : "morgue · news archive search";
  }

  function notice(kind, title, message, ...extra) {
    return el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : null },
      el("h2", { text: title }), message ? el("p", { text: message }) : null, ...extra);
  }

  function showError(result) {
    const status = $("status");
    if (result.status === 503) {
      status.replaceChildren(notice("warn", "The index is not available yet", result.error.message,
        el("p", {}, el("button", { type: "button", onclick: () => render() }, "Try again"))));
    } else if (result.status === 400) {
      status.replaceChildren(notice("error", "This search cannot be run", result.error.message));
    } else {
      status.replaceChildren(notice("error", "Something went wrong", result.error.message));
    }
  }

  async function renderWelcome() {
    const examples = ["ceasefire", "\"root causes\" putin", "Zelensk*", "Kiev", "entity:\"Vladimir Putin\"", "outlet:axios",
      "ceasefire -Trump", "2025-05-01..2025-05-31"];
    const info = el("p", { class: "muted", text: "Full-text search over a news archive." });
    $("status").replaceChildren();
    $("intro").hidden = false;
    $("intro").replaceChildren(
      el("h1", { text: "Search the archive" }), info,
      el("dl", {}, ...examples.flatMap((ex) => [
        el("dt", {}, el("button", { type: "button", onclick: () => navigate({ q: ex }) }, ex)),
        el("dd", { class: "muted", text: EXAMPLE_HELP[ex] || "" }),
      ])));
    const health = await getJson("/health");
    if (health.body) {
      info.textContent = `${health.body.documents.toLocaleString()} articles indexed. ` +
        "Phrases in quotes, OR, -exclude, prefix*, field:value and date ranges all work.";
    } else if (health.error && !health.aborted) {
      info.replaceWith(notice("warn", "The index is not available yet", health.error.message));
    }
  }
  const EXAMPLE_HELP = {
    "ceasefire": "one word, with its other forms (ceasefires)",
    "\"root causes\" putin": "a phrase and a word",
    "Zelensk*": "words starting with…",
    "Kiev": "a name in any of its spellings (Kyiv)",
    "entity:\"Vladimir Putin\"": "articles about a person, organization or place",
    "outlet:axios": "only one outlet",
    "ceasefire -Trump": "leave out articles that mention a word",
    "2025-05-01..2025-05-31": "a date range",
  };

  function renderChips() {
    const chips = [];
    for (const o of state.outlets) {
      chips.push(el("button", { type: "button", "aria-label": `Remove outlet filter ${o}`,
        onclick: () => navigate({ outlets: state.outlets.filter((x) => x !== o) }) }, `${o} ×`));
    }
    for (const name of state.entities) {
      chips.push(el("button", { type: "button", class: "entity", "aria-label": `Remove filter ${name}`,
        onclick: () => navigate({ entities: state.entities.filter((x) => x !== name) }) }, `${name} ×`));
    }
    if (state.from || state.to) {
      const label = `${state.from ? humanDate(state.from) : "…"} – ${state.to ? humanDate(state.to) : "…"}`;
      chips.push(el("button", { type: "button", "aria-label": `Remove date filter ${label}`,
        onclick: () => navigate({ from: "", to: "" }) }, `${label} ×`));
    }
    $("active-filters").replaceChildren(...chips);
  }

  function facetItem(value, count, on, toggle) {
    return el("li", {}, el("button", { type: "button", "aria-pressed": on ? "true" : "false", onclick: () => toggle(value, on) },
      el("span", { class: "value", text: value }), el("span", { class: "count", text: count.toLocaleString() })));
  }

  function renderOutlets(values) {
    const selected = new Set(state.outlets);
    const toggle = (value, on) => navigate({ outlets: toggled(state.outlets, value, on) });
    const items = values.filter((v) => v.value).map((v) => facetItem(v.value, v.count, selected.has(v.value), toggle));
    // An outlet filter with no matches left stays in the list, so it can be switched off.
    for (const o of state.outlets) {
      if (!values.some((v) => v.value === o)) items.push(facetItem(o, 0, true, toggle));
    }
    $("outlet-facet").replaceChildren(...(items.length ? items : [el("li", { class: "muted", text: "No outlets" })]));
  }

  // People, organizations, places: the active filters first, then by count (the server's
  // order). The CSS shows the first few and the section's "More" button the rest.
  function renderEntities(facets) {
    const selected = new Set(state.entities);
    const toggle = (value, on) => navigate({ entities: toggled(state.entities, value, on) });
    for (const type of ENTITY_TYPES) {
      const values = ((facets && facets[`entity.${type}`]) || []).filter((v) => v.value);
      const ordered = [...values.filter((v) => selected.has(v.value)), ...values.filter((v) => !selected.has(v.value))];
      $(`${type}-facet`).replaceChildren(...ordered.map((v) => facetItem(v.value, v.count, selected.has(v.value), toggle)));
      $(`${type}-section`).hidden = !ordered.length;
    }
  }

  // "Kiev also found: Kyiv (3)": a query word that is one spelling of a name searched the
  // name's other spellings too. Only those that matched something are worth saying.
  function expandedNote(expanded) {
    const parts = (expanded || []).map((e) => {
      const others = e.spellings.filter((s) => s.count > 0 && s.spelling !== e.word);
      if (!others.length) return null;
      const found = others.map((s) => `${nameCase(s.spelling, e.entity)} (${s.count.toLocaleString()})`).join(", ");
      return el("span", { title: `Other spellings of ${e.entity} were searched too`,
        text: `${nameCase(e.word, e.entity)} also found: ${found}` });
    }).filter(Boolean);
    if (!parts.length) return null;
    return el("p", { class: "spellings" }, ...parts.flatMap((p, i) => (i ? [" · ", p] : [p])));
  }
  // Spellings arrive case-folded: write them as the name does, else capitalised.
  function nameCase(spelling, entity) {
    const word = entity.split(/\s+/).find((w) => w.toLocaleLowerCase() === spelling);
    return word || spelling.charAt(0).toLocaleUpperCase() + spelling.slice(1);
  }

  // Every month (or day) between the first and last match, so gaps show as gaps.
  function timelineSlots(values, daily) {
    if (!values.length) return [];
    const counts = new Map(values.map((v) => [v.value, v.count]));
    const slots = [];
    const [y0, m0, d0] = values[0].value.split("-").map(Number);
    const last = values[values.length - 1].value;
    const t = new Date(Date.UTC(y0, m0 - 1, daily ? d0 : 1));
    for (let guard = 0; guard < 1200; guard++) {
      const key = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}` + (daily ? `-${pad(t.getUTCDate())}` : "");
      slots.push({ key, count: counts.get(key) || 0 });
      if (key >= last) break;
      if (daily) t.setUTCDate(t.getUTCDate() + 1);
      else t.setUTCMonth(t.getUTCMonth() + 1);
    }
    return slots;
  }

  function renderTimeline(values, interval) {
    const daily = interval === "day";
    const slots = timelineSlots(values || [], daily);
    if (!slots.length) return;
    const max = Math.max(...slots.map((s) => s.count));
    $("bars").classList.toggle("dense", slots.length > 60);
    $("timeline-title").textContent = daily ? "Matches per day" : "Matches per month";
    $("bars").replaceChildren(...slots.map((s) => {
      const label = `${humanDate(s.key)}: ${s.count.toLocaleString()} ${s.count === 1 ? "match" : "matches"}`;
      if (!s.count) return el("button", { type: "button", class: "empty", tabindex: "-1", title: label, "aria-hidden": "true" });
      const bar = el("button", { type: "button", title: label, "aria-label": `${label}. Narrow to this ${daily ? "day" : "month"}`,
        "data-key": s.key, onclick: () => {
          if (daily) return navigate({ from: s.key, to: s.key });
          const [y, m] = s.key.split("-").map(Number);
          navigate({ from: `${s.key}-01`, to: `${s.key}-${pad(lastDayOfMonth(y, m))}` });
        } });
      bar.style.height = `${Math.max(4, Math.round((s.count / max) * 100))}%`;
      return bar;
    }));
    // A label under every bar while they fit, else just the two ends.
    const axis = $("axis");
    axis.classList.toggle("each", slots.length <= 14);
    if (slots.length <= 14) {
      axis.replaceChildren(...slots.map((s) => el("span", { text: daily ? String(Number(s.key.slice(8))) : humanDate(s.key) })));
    } else {
      const ends = [slots[0].key, slots[slots.length - 1].key].map(humanDate);
      axis.replaceChildren(el("span", { text: ends[0] }), el("span", { text: ends[1] }));
    }
    $("timeline").hidden = false;
  }

  function renderHit(hit) {
    const href = safeHref(hit.url);
    const docUrl = pageUrl({ ...state, doc: hit.id });
    const openDoc = (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      navigate({ doc: hit.id, offset: state.offset }, true);
    };
    const snippet = el("p", { class: "snippet" });
    snippet.innerHTML = hit.snippet;  // server-escaped, only <mark> added
    return el("li", { class: "result" },
      el("h3", {}, el("a", { href: href || docUrl, onclick: href ? null : openDoc }, hit.headline || "(no headline)")),
      el("div", { class: "meta" },
        hit.outlet ? el("span", { class: "outlet", text: hit.outlet }) : null,
        hit.date ? el("time", { datetime: hit.date, text: humanDate(hit.date) }) : null,
        href ? el("span", { class: "host", text: new URL(href).hostname }) : null,
        el("a", { href: docUrl, onclick: openDoc }, "indexed text")),
      snippet);
  }

  function renderPager(total) {
    const reachable = Math.min(total, MAX_OFFSET + PAGE);
    const pages = Math.ceil(reachable / PAGE);
    if (pages <= 1) return;
    const current = Math.floor(state.offset / PAGE);
    const go = (p) => navigate({ offset: p * PAGE }, true);
    const button = (p, text, label) => el("button", { type: "button", "aria-label": label || `Page ${p + 1}`,
      "aria-current": p === current && !label ? "page" : null, onclick: () => go(p) }, text);
    const items = [];
    if (current > 0) items.push(button(current - 1, "← Previous", "Previous page"));
    let last = -1;
    for (let p = 0; p < pages; p++) {
      if (p === 0 || p === pages - 1 || Math.abs(p - current) <= 2) {
        if (last >= 0 && p - last > 1) items.push(el("span", { class: "gap", text: "…" }));
        items.push(button(p, String(p + 1)));
        last = p;
      }
    }
    if (current < pages - 1) items.push(button(current + 1, "Next →", "Next page"));
    $("pager").replaceChildren(...items);
  }

  async function renderSearch() {
    const slow = setTimeout(() => { $("status").textContent = "Searching…"; }, 150);
    const params = searchParams(state);
    params.set("limit", String(PAGE));
    params.set("facets", ["outlet", "date", ...ENTITY_TYPES.map((t) => `entity.${t}`)].join(","));
    const result = await getJson(`/search?${params}`);
    clearTimeout(slow);
    if (result.aborted) return;
    clearViews();
    renderChips();
    if (result.error) return showError(result);
    const r = result.body;
    $("filters").hidden = r.total === 0 && !hasFilters(state);
    renderOutlets((r.facets && r.facets.outlet) || []);
    renderEntities(r.facets);
    const count = `${r.total_exact ? "" : "About "}${r.total.toLocaleString()} ${r.total === 1 ? "result" : "results"}`;
    const status = [el("strong", { text: count })];
    if (state.q) status.push(" for ", el("strong", { text: `“${state.q}”` }));
    status.push(el("span", { class: "muted", text: ` · ${r.took_ms < 1 ? "<1" : Math.round(r.took_ms)} ms` }));
    const line = el("p", {}, ...status);
    $("status").replaceChildren(line);
    const note = expandedNote(r.expanded);
    if (note) $("status").append(note);
    if (r.partial) {
      $("status").append(notice("warn", "This search was cut short",
        "It ran into the time limit, so the count and facets may be incomplete. A narrower query will be faster."));
    }
    if (!r.hits.length) {
      $("status").append(notice("warn", r.total ? "No more results" : "Nothing matches",
        r.total ? "This page is past the last result." :
          "Try fewer or different words, a word's prefix with *, or fewer filters.",
        hasFilters(state) ? el("p", {}, el("button", { type: "button",
          onclick: () => navigate({ outlets: [], entities: [], from: "", to: "" }) },
          "Remove all filters")) : null));
      return;
    }
    renderTimeline(r.facets && r.facets.date, r.date_interval);
    $("results").start = r.offset + 1;
    $("results").replaceChildren(...r.hits.map(renderHit));
    renderPager(r.total);
    current = -1;
  }

  async function renderDoc() {
    const result = await getJson(`/doc/${encodeURIComponent(state.doc)}`);
    if (result.aborted) return;
    clearViews();
    const back = el("a", { href: pageUrl({ ...state, doc: "" }), onclick: (e) => {
      e.preventDefault();
      navigate({ doc: "", offset: state.offset });
    } }, "← Back to results");
    if (result.error) {
      $("status").replaceChildren(back, notice("error", result.status === 404 ? "No such article" : "Cannot show this article",
        result.error.message));
      return;
    }
    const a = result.body;
    const href = safeHref(a.url);
    $("status").replaceChildren(back);
    document.title = `${a.headline || a.id} · morgue`;
    $("doc").replaceChildren(
      el("h1", { text: a.headline || "(no headline)" }),
      el("div", { class: "meta" },
        a.outlet ? el("span", { class: "outlet", text: a.outlet }) : null,
        a.date ? el("time", { datetime: a.date, text: humanDate(a.date) }) : null,
        a.authors && a.authors.length ? el("span", { text: `by ${a.authors.join(", ")}` }) : null,
        href ? el("a", { href, rel: "noopener noreferrer" }, "original") : null,
        el("span", { text: `id ${a.id}` })),
      el("div", { class: "body" }, ...(a.body || "").split(/\n{2,}/).filter(Boolean).map((p) => el("p", { text: p }))));
    $("doc").hidden = false;
  }

  async function render() {
    syncForm();
    if (state.doc) return renderDoc();
    if (!state.q && !hasFilters(state)) {
      clearViews();
      return renderWelcome();
    }
    return renderSearch();
  }

  // ---- input ----
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    closeSuggestions();
    navigate({ q: $("q").value.trim(), sort: $("sort").value });
  });
  $("sort").addEventListener("change", () => navigate({ sort: $("sort").value }));
  $("date-form").addEventListener("submit", (e) => {
    e.preventDefault();
    navigate({ from: $("from").value, to: $("to").value });
  });
  $("clear-dates").addEventListener("click", () => navigate({ from: "", to: "" }));
  $("home").addEventListener("click", (e) => {
    e.preventDefault();
    navigate({ q: "", outlets: [], entities: [], from: "", to: "", sort: "relevance" });
    $("q").focus();
  });

  // "More"/"Fewer" under an entity list; an opened list stays open for the next search.
  for (const button of document.querySelectorAll(".filters .more")) {
    button.addEventListener("click", () => {
      const open = $(button.getAttribute("aria-controls")).classList.toggle("expanded");
      button.setAttribute("aria-expanded", String(open));
      button.textContent = open ? "Fewer" : "More";
    });
  }

  // Names in the query box: the word being typed at the end of the box (three letters, or
  // any after entity:) is looked up in GET /entities, and picking a name puts
  // entity:"Name" in its place. Suggestions are a convenience: any failure just hides them.
  const q = $("q");
  const suggest = { list: $("suggestions"), names: [], active: -1, timer: 0, ctrl: null };
  function typedName() {
    if (q.selectionStart !== q.value.length) return null;
    const m = /(^|\s)(entity:"?)?([\p{L}\p{N}][\p{L}\p{N}'’.-]*)$/u.exec(q.value);
    if (!m || (!m[2] && m[3].length < 3)) return null;
    const start = m.index + m[1].length;
    if ((q.value.slice(0, start).match(/"/g) || []).length % 2) return null;  // inside a phrase
    return { start, prefix: m[3] };
  }
  function closeSuggestions() {
    clearTimeout(suggest.timer);
    if (suggest.ctrl) suggest.ctrl.abort();
    suggest.names = [];
    suggest.active = -1;
    suggest.list.hidden = true;
    suggest.list.replaceChildren();
    q.setAttribute("aria-expanded", "false");
    q.removeAttribute("aria-activedescendant");
  }
  function markActive() {
    [...suggest.list.children].forEach((li, i) => li.setAttribute("aria-selected", i === suggest.active ? "true" : "false"));
    if (suggest.active >= 0) q.setAttribute("aria-activedescendant", `suggestion-${suggest.active}`);
    else q.removeAttribute("aria-activedescendant");
  }
  function pickSuggestion(i) {
    const typed = typedName();
    const name = suggest.names[i].name.replace(/"/g, "");
    closeSuggestions();
    if (!typed) return;
    q.value = `${q.value.slice(0, typed.start)}entity:"${name}" `;
    q.focus();
  }
  async function fetchSuggestions() {
    const typed = typedName();
    if (!typed) return closeSuggestions();
    const ctrl = new AbortController();
    suggest.ctrl = ctrl;
    let body = null;
    try {
      const res = await fetch(`/entities?${new URLSearchParams({ prefix: typed.prefix, limit: "8" })}`,
        { signal: ctrl.signal, headers: { Accept: "application/json" } });
      if (res.ok) body = await res.json();
    } catch {
      return;
    }
    if (ctrl.signal.aborted) return;
    if (!body || !body.entities || !body.entities.length || document.activeElement !== q) return closeSuggestions();
    suggest.names = body.entities;
    suggest.active = -1;
    suggest.list.replaceChildren(...body.entities.map((e, i) => el("li", { role: "option", id: `suggestion-${i}`,
      "aria-selected": "false", onmousedown: (ev) => ev.preventDefault(), onclick: () => pickSuggestion(i) },
      el("span", { class: "value", text: e.name }),
      el("span", { class: "muted", text: `${TYPE_LABEL[e.type] || e.type} · ${e.articles.toLocaleString()}` }))));
    suggest.list.hidden = false;
    q.setAttribute("aria-expanded", "true");
  }
  q.addEventListener("input", () => {
    clearTimeout(suggest.timer);
    if (suggest.ctrl) suggest.ctrl.abort();
    suggest.timer = setTimeout(fetchSuggestions, 120);
  });
  q.addEventListener("blur", closeSuggestions);
  q.addEventListener("keydown", (e) => {
    if (suggest.list.hidden) return;
    const n = suggest.names.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      suggest.active = e.key === "ArrowDown" ? (suggest.active + 1) % n : (suggest.active <= 0 ? n : suggest.active) - 1;
      markActive();
    } else if (e.key === "Enter" && suggest.active >= 0) {
      e.preventDefault();
      pickSuggestion(suggest.active);
    } else if (e.key === "Escape") {
      e.stopPropagation();  // close the list, stay in the box
      closeSuggestions();
    }
  });

  // Keyboard: "/" to search, j/k through results, Enter opens (it is a link).
  document.addEventListener("keydown", (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (e.key === "Escape" && typing) return document.activeElement.blur();
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/") {
      e.preventDefault();
      $("q").focus();
      $("q").select();
      return;
    }
    const hits = [...document.querySelectorAll(".result")];
    if (!hits.length || (e.key !== "j" && e.key !== "k")) return;
    hits.forEach((h) => h.classList.remove("current"));
    current = Math.max(0, Math.min(hits.length - 1, current + (e.key === "j" ? 1 : -1)));
    hits[current].classList.add("current");
    hits[current].querySelector("h3 a").focus();
  });

  render();
})();
