// Calls to the Rasid API (same origin only). Errors carry the problem-details code and detail.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
  }
}

async function parse(response) {
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** Query string of the non-empty values of a filter object. */
export function toQuery(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && String(value).trim() !== "") query.set(key, String(value).trim());
  }
  return query.toString();
}

export async function getJson(path, params = {}) {
  const query = toQuery(params);
  return parse(await fetch(query ? `${path}?${query}` : path, { headers: { accept: "application/json" } }));
}

export async function extract(text, { html = false, published = "" } = {}) {
  const query = toQuery({ published });
  const response = await fetch(query ? `api/extract?${query}` : "api/extract", {
    method: "POST",
    headers: { "content-type": html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", accept: "application/json" },
    body: text,
  });
  return parse(response);
}
