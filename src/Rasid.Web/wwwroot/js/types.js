// ACLED event types: their colours on the map and the timeline, and their Arabic names.
export const TYPES = [
  { key: "Battles", ar: "معارك", color: "#c0392b" },
  { key: "Explosions/Remote violence", ar: "انفجارات / عنف عن بعد", color: "#e67e22" },
  { key: "Violence against civilians", ar: "عنف ضد المدنيين", color: "#8e44ad" },
  { key: "Protests", ar: "احتجاجات", color: "#2980b9" },
  { key: "Riots", ar: "أعمال شغب", color: "#16a085" },
  { key: "Strategic developments", ar: "تطورات استراتيجية", color: "#7f8c8d" },
];

const byKey = new Map(TYPES.map((t) => [t.key, t]));

export function typeColor(type) {
  return byKey.get(type)?.color ?? "#34495e";
}

export function typeArabic(type) {
  return byKey.get(type)?.ar ?? "";
}

/** A CSS-class-safe slug of a type name (used by the tests to find markers of one type). */
export function typeSlug(type) {
  return String(type).toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
}
