// The pages' calls to Tunelab's REST API. Errors carry the server's message, naming the field.

/** An API error: the problem's detail and each field's message, ready to show. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem?.errors ?? []).map((error) => `${error.field}: ${error.message}`);
    super(fields.length ? fields.join('; ') : problem?.detail ?? `The server answered ${status}.`);
    this.status = status;
  }
}

/** GETs or sends JSON; resolves to the parsed answer, rejects with an ApiError. */
export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
