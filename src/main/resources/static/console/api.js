// The HTTP API as the console calls it: the bearer token (if one is known) on every call, and errors as the
// service's problem+json (title, detail, code, and for invalid fields the errors) thrown as ApiError.

const TOKEN_KEY = 'docflow.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** A one-click login link (http://host/#token=...): keeps the token and takes it out of the address bar. */
export function takeTokenFromUrl() {
  const match = location.hash.match(/^#(?:.*[&?])?token=([^&]*)/);
  if (match) {
    setToken(decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search + '#/');
  }
}

export function authHeaders(headers = {}) {
  const value = token();
  return value ? { ...headers, Authorization: 'Bearer ' + value } : headers;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

export async function problemOf(response) {
  const text = await response.text();
  try {
    const problem = JSON.parse(text);
    if (problem && typeof problem === 'object') {
      return problem;
    }
  } catch (e) {
    // not JSON: described below
  }
  return { status: response.status, title: response.status + ' ' + response.statusText, detail: text.slice(0, 300) };
}

/** Calls the API; the body as JSON (or text), null for 204; ApiError for anything but 2xx. */
export async function api(path, { method = 'GET', json, body, accept = 'application/json' } = {}) {
  const headers = authHeaders({ Accept: accept });
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, { title: 'docflow cannot be reached', detail: String(e.message || e) });
  }
  if (!response.ok) {
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('docflow:unauthorized'));
    }
    throw new ApiError(response.status, await problemOf(response));
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export function upload(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('/api/v1/documents', { method: 'POST', body: form });
}
