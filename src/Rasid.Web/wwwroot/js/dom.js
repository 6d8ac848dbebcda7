// DOM helpers. Every piece of data becomes a text node (textContent): nothing from the API or the user is parsed as HTML.

/** Creates an element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A span holding Arabic text, right to left. */
export function ar(text, attributes = {}) {
  return el("span", { lang: "ar", dir: "rtl", ...attributes }, text);
}

/** A bilingual label: Arabic (right to left), a dot, English. */
export function label(arabic, english) {
  return el("span", { class: "l" }, ar(arabic), " · ", english);
}

/** A link only for http(s) URLs; anything else is shown as plain text. */
export function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, text ?? parsed.href);
    }
  } catch {
    // not a URL: fall through to text
  }
  return el("span", {}, text ?? url);
}

/** Removes every child of a node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}
