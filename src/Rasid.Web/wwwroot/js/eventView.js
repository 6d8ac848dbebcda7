// The event view: the merged event's fields, then every source with its Arabic text and each field's words highlighted.
import { ar, el, label, safeLink } from "./dom.js";
import { typeArabic, typeColor } from "./types.js";

export const FIELDS = {
  trigger: { ar: "الحدث", en: "Trigger" },
  actor1: { ar: "الفاعل ١", en: "Actor 1" },
  assoc_actor_1: { ar: "مع الفاعل ١", en: "With actor 1" },
  actor2: { ar: "الفاعل ٢", en: "Actor 2" },
  assoc_actor_2: { ar: "مع الفاعل ٢", en: "With actor 2" },
  location: { ar: "المكان", en: "Place" },
  date: { ar: "التاريخ", en: "Date" },
  fatalities: { ar: "القتلى", en: "Killed" },
  injured: { ar: "الجرحى", en: "Injured" },
  captured: { ar: "الأسرى", en: "Captured" },
  released: { ar: "المفرج عنهم", en: "Released" },
};

const CONTEXT_CHARS = 280;

/** The legend of highlight colours. */
export function fieldLegend() {
  return el("ul", { class: "field-legend" },
    Object.entries(FIELDS).map(([key, f]) => el("li", {}, el("mark", { class: `f-${key}` }, f.ar), " ", f.en)));
}

/** The evidence sentence with its marked segments, optionally inside the text around it (trimmed). */
export function evidenceBlock(evidence, { context = true } = {}) {
  const sentence = el("span", { class: "evidence" },
    evidence.segments.map((s) => (s.field
      ? el("mark", { class: `f-${s.field}`, "data-field": s.field, title: FIELDS[s.field]?.en ?? s.field }, s.text)
      : s.text)));
  const block = el("p", { class: "source-text", lang: "ar", dir: "rtl" });
  if (context && evidence.before) {
    const before = evidence.before.length > CONTEXT_CHARS ? "… " + evidence.before.slice(-CONTEXT_CHARS) : evidence.before;
    block.append(el("span", { class: "context" }, before));
  }
  block.append(sentence);
  if (context && evidence.after) {
    const after = evidence.after.length > CONTEXT_CHARS ? evidence.after.slice(0, CONTEXT_CHARS) + " …" : evidence.after;
    block.append(el("span", { class: "context" }, after));
  }
  const notes = [];
  if (evidence.unmarked?.length) {
    notes.push(el("p", { class: "hint" }, "Not found word for word in the sentence: ", evidence.unmarked.map((f) => FIELDS[f]?.en ?? f).join(", ")));
  }
  return el("div", { class: "evidence-block" }, block, notes);
}

function actorText(actor) {
  if (!actor) return "—";
  return [actor.name, actor.name_ar ? ar(actor.name_ar) : null].filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x]));
}

function count(value) {
  return value === null || value === undefined ? "—" : String(value);
}

/** Field table of one record (merged event or a pasted article's event). */
export function recordFields(record, date) {
  const row = (arabic, english, ...value) => el("tr", {}, el("th", {}, label(arabic, english)), el("td", {}, ...value));
  // Colour through the CSSOM: the policy forbids style attributes, not style properties set from a script.
  const swatch = el("span", { class: "swatch" });
  swatch.style.backgroundColor = typeColor(record.event_type);
  const place = [record.location, record.admin2, record.admin1, record.country].filter(Boolean).join(", ");
  return el("table", { class: "fields" }, el("tbody", {},
    row("النوع", "Type", swatch, record.event_type, " · ", ar(typeArabic(record.event_type)), " / ", record.sub_event_type),
    row("التاريخ", "Date", date ?? record.date ?? "—", record.date_text ? [" · ", ar(record.date_text)] : ""),
    row("المكان", "Place", place || "—", record.location_ar ? [" · ", ar(record.location_ar)] : "",
      record.latitude !== null && record.latitude !== undefined ? ` (${record.latitude}, ${record.longitude})` : ""),
    row("الفاعل ١", "Actor 1", actorText(record.actor1)),
    row("الفاعل ٢", "Actor 2", actorText(record.actor2)),
    row("قتلى / جرحى", "Killed / injured", `${count(record.fatalities)} / ${count(record.injured)}`),
    row("أسرى / مفرج عنهم", "Captured / released", `${count(record.captured)} / ${count(record.released)}`),
    row("ملاحظات", "Notes", record.notes ?? "")));
}

/** The whole event view for GET /api/events/{id}. */
export function eventView(detail) {
  const sources = detail.sources.map((s, i) => el("section", { class: "source", "data-document-id": s.document_id },
    el("h4", {}, `${i + 1}. `, s.title ? ar(s.title) : s.document_id),
    el("p", { class: "meta" },
      s.publisher ? ar(s.publisher) : "—", " · ", s.published ?? "—", s.url ? [" · ", safeLink(s.url)] : "",
      s.gave_fatalities ? el("span", { class: "badge" }, "fatalities from this report") : "",
      ` · ${s.record.event_type} · ${count(s.record.fatalities)} †`),
    evidenceBlock(s.evidence)));
  return el("article", { class: "event-view", "data-event-id": detail.id },
    el("h3", {}, detail.id),
    recordFields(detail.record, detail.date),
    el("h4", { class: "sources-title" }, label("المصادر", `Sources (${detail.sources.length})`)),
    fieldLegend(),
    sources);
}

/** The result of POST /api/extract: each event with its fields and marked evidence. */
export function extractView(result) {
  if (result.events.length === 0) {
    return el("p", { class: "empty" }, ar("لم يُعثر على أحداث"), " · No events found",
      ` (relevance ${result.relevance_score.toFixed(2)})`);
  }
  return el("div", { class: "extract-result" },
    el("p", {}, `${result.events.length} `, ar("حدث"), " · events"),
    fieldLegend(),
    result.events.map((e, i) => el("section", { class: "extracted-event" },
      el("h4", {}, `${i + 1}. ${e.record.event_type} / ${e.record.sub_event_type}`),
      recordFields(e.record),
      evidenceBlock(e.evidence, { context: false }))));
}
