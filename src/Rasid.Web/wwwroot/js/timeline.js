// The timeline: events per day, stacked by type, drawn as SVG; dragging across it selects a period (the brush).
import { TYPES, typeColor, typeArabic } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86_400_000;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const toDay = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

export class Timeline {
  constructor(svgElement, { onBrush }) {
    this.svg = svgElement;
    this.onBrush = onBrush;
    this.days = [];
    this.brush = null;
    this.svg.addEventListener("pointerdown", (e) => this.#start(e));
    this.svg.addEventListener("pointermove", (e) => this.#move(e));
    this.svg.addEventListener("pointerup", (e) => this.#end(e));
  }

  /** Draws stats.by_day; `brush` is {from, to} (ISO dates) or null. */
  render(byDay, brush) {
    this.brush = brush;
    const width = Math.max(320, this.svg.clientWidth || this.svg.parentElement.clientWidth || 800);
    const height = 150;
    const margin = { left: 34, right: 10, top: 8, bottom: 22 };
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.setAttribute("width", width);
    this.svg.setAttribute("height", height);
    this.svg.replaceChildren();
    if (byDay.length === 0) {
      this.svg.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "لا أحداث مؤرخة · No dated events"));
      this.scale = null;
      return;
    }

    let first = toDay(byDay[0].date);
    let last = toDay(byDay[byDay.length - 1].date);
    if (last - first < 14) {
      const pad = Math.ceil((14 - (last - first)) / 2);
      first -= pad;
      last += pad;
    }
    const span = last - first + 1;
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const barWidth = plotWidth / span;
    const max = Math.max(...byDay.map((d) => d.count));
    const x = (day) => margin.left + (day - first) * barWidth;
    const y = (count) => margin.top + plotHeight - (count / max) * plotHeight;
    this.scale = { first, last, x, barWidth, margin, plotWidth, height };

    // Axis: the maximum count, and a few dates.
    this.svg.append(svg("line", { x1: margin.left, x2: width - margin.right, y1: margin.top + plotHeight, y2: margin.top + plotHeight, class: "axis" }));
    this.svg.append(svg("text", { x: margin.left - 4, y: margin.top + 8, "text-anchor": "end", class: "tick" }, String(max)));
    const ticks = Math.min(6, span);
    for (let i = 0; i < ticks; i++) {
      const day = first + Math.round((i * (span - 1)) / Math.max(1, ticks - 1));
      this.svg.append(svg("text", { x: x(day) + barWidth / 2, y: height - 6, "text-anchor": "middle", class: "tick" }, toIso(day)));
    }

    const bars = svg("g", { class: "bars" });
    for (const d of byDay) {
      const day = toDay(d.date);
      let base = 0;
      for (const type of TYPES.map((t) => t.key).concat(Object.keys(d.by_type).filter((k) => !TYPES.some((t) => t.key === k)))) {
        const n = d.by_type[type];
        if (!n) continue;
        const rect = svg("rect", {
          x: x(day) + (barWidth > 3 ? 0.5 : 0),
          y: y(base + n),
          width: Math.max(1, barWidth - (barWidth > 3 ? 1 : 0)),
          height: Math.max(1, y(base) - y(base + n)),
          fill: typeColor(type),
          class: "bar",
          "data-date": d.date,
          "data-type": type,
        });
        rect.append(svg("title", {}, `${d.date} · ${type} ${typeArabic(type)}: ${n}`));
        bars.append(rect);
        base += n;
      }
    }
    this.svg.append(bars);

    if (brush) {
      const from = Math.max(first, toDay(brush.from));
      const to = Math.min(last, toDay(brush.to));
      this.svg.append(svg("rect", { x: x(from), y: margin.top, width: Math.max(2, x(to + 1) - x(from)), height: plotHeight, class: "brush" }));
    }
    this.overlay = svg("rect", { x: margin.left, y: 0, width: plotWidth, height, class: "brush-area" });
    this.svg.append(this.overlay);
  }

  #dayAt(event) {
    const box = this.svg.getBoundingClientRect();
    const scale = this.svg.viewBox.baseVal.width / box.width || 1;
    const px = (event.clientX - box.left) * scale;
    const { first, last, margin, barWidth } = this.scale;
    return Math.min(last, Math.max(first, first + Math.floor((px - margin.left) / barWidth)));
  }

  #start(event) {
    if (!this.scale) return;
    this.svg.setPointerCapture(event.pointerId);
    this.drag = { start: this.#dayAt(event), x: event.clientX };
    this.preview = svg("rect", { class: "brush", y: this.scale.margin.top, height: this.scale.height - this.scale.margin.top - this.scale.margin.bottom });
    this.svg.insertBefore(this.preview, this.overlay);
    this.#move(event);
  }

  #move(event) {
    if (!this.drag) return;
    const day = this.#dayAt(event);
    const from = Math.min(day, this.drag.start);
    const to = Math.max(day, this.drag.start);
    this.preview.setAttribute("x", this.scale.x(from));
    this.preview.setAttribute("width", Math.max(2, this.scale.x(to + 1) - this.scale.x(from)));
  }

  #end(event) {
    if (!this.drag) return;
    const day = this.#dayAt(event);
    const range = { from: toIso(Math.min(day, this.drag.start)), to: toIso(Math.max(day, this.drag.start)) };
    this.drag = null;
    // A click without a drag selects that one day.
    this.onBrush(range);
  }
}
