// The sortable event table: sorting is done by the API (sort=key / -key); rows open the event view.
import { ar, el } from "./dom.js";
import { typeSlug } from "./types.js";

const STEP = 200;

export class EventTable {
  constructor(table, moreButton, { onSelect, onSort }) {
    this.body = table.tBodies[0];
    this.more = moreButton;
    this.onSelect = onSelect;
    this.items = [];
    this.shown = 0;
    this.sort = "-date";
    for (const th of table.querySelectorAll("th[data-sort]")) {
      th.tabIndex = 0;
      const activate = () => {
        const key = th.dataset.sort;
        this.sort = this.sort === `-${key}` ? key : `-${key}`;
        this.#marks(table);
        onSort(this.sort);
      };
      th.addEventListener("click", activate);
      th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(); } });
    }
    this.#marks(table);
    this.more.addEventListener("click", () => this.#append());
  }

  #marks(table) {
    for (const th of table.querySelectorAll("th[data-sort]")) {
      const key = th.dataset.sort;
      th.setAttribute("aria-sort", this.sort === key ? "ascending" : this.sort === `-${key}` ? "descending" : "none");
    }
  }

  render(items) {
    this.items = items;
    this.shown = 0;
    this.body.replaceChildren();
    this.#append();
  }

  highlight(id) {
    for (const row of this.body.querySelectorAll("tr.selected")) row.classList.remove("selected");
    if (id) this.body.querySelector(`tr[data-event-id="${CSS.escape(id)}"]`)?.classList.add("selected");
  }

  #append() {
    const next = this.items.slice(this.shown, this.shown + STEP);
    for (const e of next) {
      const row = el("tr", { "data-event-id": e.id, class: `type-${typeSlug(e.event_type)}`, tabindex: 0 },
        el("td", {}, e.date ?? "—"),
        el("td", {}, e.event_type),
        el("td", {}, e.sub_event_type),
        el("td", {}, e.country ?? "—"),
        el("td", {}, e.admin1 ?? "—"),
        el("td", {}, e.location ?? "", e.location_ar ? [" ", ar(e.location_ar, { class: "muted" })] : ""),
        el("td", {}, e.actor1 ?? "—"),
        el("td", {}, e.actor2 ?? "—"),
        el("td", { class: "num" }, e.fatalities ?? "—"),
        el("td", { class: "num" }, e.source_count));
      row.addEventListener("click", () => this.onSelect(e.id));
      row.addEventListener("keydown", (ev) => { if (ev.key === "Enter") this.onSelect(e.id); });
      this.body.append(row);
    }
    this.shown += next.length;
    this.more.hidden = this.shown >= this.items.length;
  }
}
