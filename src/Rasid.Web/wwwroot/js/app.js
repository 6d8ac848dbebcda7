// The dashboard: filters → /api/stats (timeline, facets) and /api/events (map, table); the brush narrows map and table.
import { ApiError, extract, getJson, toQuery } from "./api.js";
import { ar, clear, el } from "./dom.js";
import { eventView, extractView } from "./eventView.js";
import { EventMap } from "./map.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";
import { TYPES } from "./types.js";

const MAP_LIMIT = 5000;
const $ = (id) => document.getElementById(id);

const state = { filters: {}, brush: null, sort: "-date", openId: null };
let map;
let table;
let timeline;

function status(message, isError = false) {
  const node = $("status");
  node.textContent = message ?? "";
  node.classList.toggle("error", isError);
}

function describe(error) {
  return error instanceof ApiError ? `${error.code ?? error.status}: ${error.message}` : String(error.message ?? error);
}

function readFilters() {
  const form = new FormData($("filters"));
  const filters = {};
  for (const [key, value] of form.entries()) if (String(value).trim() !== "") filters[key] = String(value).trim();
  return filters;
}

/** Filters for map and table: the form's, narrowed by the brush. */
function eventFilters() {
  const filters = { ...state.filters };
  if (state.brush) {
    filters.from = filters.from && filters.from > state.brush.from ? filters.from : state.brush.from;
    filters.to = filters.to && filters.to < state.brush.to ? filters.to : state.brush.to;
  }
  return filters;
}

function fillSelect(select, buckets, text) {
  const current = select.value;
  select.replaceChildren(el("option", { value: "" }, "—"));
  for (const b of buckets) {
    if (!b.key) continue;
    select.append(el("option", { value: b.key }, `${text(b)} (${b.count})`));
  }
  select.value = [...select.options].some((o) => o.value === current) ? current : "";
}

function legend() {
  const list = clear($("legend"));
  for (const t of TYPES) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = t.color;
    list.append(el("li", {}, swatch, ar(t.ar), " · ", t.key));
  }
}

async function loadFacets() {
  const all = await getJson("api/stats");
  fillSelect($("f-country"), all.by_country, (b) => `${b.name ?? b.key} · ${b.key}`);
  fillSelect($("f-admin1"), all.by_admin1, (b) => `${b.name ?? b.key} · ${b.key}`);
  fillSelect($("f-type"), all.by_type, (b) => b.key);
}

async function refresh({ fit = true } = {}) {
  status("…");
  try {
    const [stats, page] = await Promise.all([
      getJson("api/stats", state.filters),
      getJson("api/events", { ...eventFilters(), sort: state.sort, page_size: MAP_LIMIT }),
    ]);
    timeline.render(stats.by_day, state.brush);
    map.show(page.items, { fit });
    table.render(page.items);
    table.highlight(state.openId);
    const located = page.items.filter((e) => e.latitude !== null).length;
    $("summary").replaceChildren(el("span", {},
      `${page.total} `, ar("حدث"), " · events",
      ` · ${stats.fatalities} `, ar("قتيل"), " · killed",
      stats.undated ? [` · ${stats.undated} `, ar("بلا تاريخ"), " · undated"] : "",
      page.total > page.items.length ? ` · map and table show the first ${page.items.length}` : "",
      located < page.items.length ? ` · ${page.items.length - located} without coordinates` : ""));
    $("brush-label").textContent = state.brush ? `${state.brush.from} → ${state.brush.to}` : "";
    $("clear-brush").hidden = !state.brush;
    $("export-link").href = `api/export?${toQuery({ ...eventFilters(), sort: state.sort, format: $("export-format").value })}`;
    status("");
  } catch (error) {
    status(describe(error), true);
  }
}

async function openEvent(id) {
  state.openId = id;
  map.highlight(id);
  table.highlight(id);
  const side = $("side");
  side.hidden = false;
  document.body.classList.add("with-side");
  map.invalidate();
  const content = clear($("side-content"));
  content.append(el("p", {}, "…"));
  try {
    const detail = await getJson(`api/events/${encodeURIComponent(id)}`);
    clear(content).append(eventView(detail));
    if (location.hash !== `#event=${id}`) history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  } catch (error) {
    clear(content).append(el("p", { class: "error" }, describe(error)));
  }
}

function closeEvent() {
  state.openId = null;
  $("side").hidden = true;
  document.body.classList.remove("with-side");
  map.highlight(null);
  table.highlight(null);
  history.replaceState(null, "", location.pathname + location.search);
  map.invalidate();
}

function wirePaste() {
  const dialog = $("paste-dialog");
  $("open-paste").addEventListener("click", () => dialog.showModal());
  $("paste-form").addEventListener("submit", async (event) => {
    if (event.submitter?.value !== "extract") return;
    event.preventDefault();
    const result = clear($("paste-result"));
    result.append(el("p", {}, "…"));
    $("paste-submit").disabled = true;
    try {
      const answer = await extract($("paste-text").value, { html: $("paste-html").checked, published: $("paste-published").value });
      clear(result).append(extractView(answer));
    } catch (error) {
      clear(result).append(el("p", { class: "error" }, describe(error)));
    } finally {
      $("paste-submit").disabled = false;
    }
  });
}

async function main() {
  legend();
  let info = { tile_url: null };
  try {
    info = await getJson("api/info");
  } catch (error) {
    status(describe(error), true);
  }
  map = new EventMap($("map"), { tileUrl: info.tile_url, onSelect: openEvent });
  table = new EventTable($("events-table"), $("more-rows"), {
    onSelect: openEvent,
    onSort: (sort) => { state.sort = sort; refresh({ fit: false }); },
  });
  timeline = new Timeline($("timeline"), {
    onBrush: (range) => { state.brush = range; refresh(); },
  });
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    state.filters = readFilters();
    state.brush = null;
    refresh();
  });
  $("filters").addEventListener("reset", () => setTimeout(() => { state.filters = {}; state.brush = null; refresh(); }));
  for (const select of $("filters").querySelectorAll("select[name]")) {
    select.addEventListener("change", () => $("filters").requestSubmit());
  }
  $("export-format").addEventListener("change", () => refresh({ fit: false }));
  $("clear-brush").addEventListener("click", () => { state.brush = null; refresh(); });
  $("close-side").addEventListener("click", closeEvent);
  wirePaste();
  if (!info.database_exists) status(`No database at ${info.database ?? "?"}: run rasid ingest first.`, true);

  await Promise.all([
    map.loadBoundaries().catch((error) => status(describe(error), true)),
    loadFacets().catch((error) => status(describe(error), true)),
  ]);
  await refresh();
  const match = /^#event=(.+)$/.exec(location.hash);
  if (match) await openEvent(decodeURIComponent(match[1]));
  document.body.dataset.ready = "true";
}

main();
