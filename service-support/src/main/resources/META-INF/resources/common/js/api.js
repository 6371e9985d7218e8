// The page's service API, with the bearer token. Errors are problem+json (Chinese detail). Shared by the pages.
import {freshAccessToken, signIn} from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || ('请求失败（HTTP ' + status + '）'));
    this.status = status;
    this.problem = problem;
  }
}

/**
 * One request with the session's bearer token (renewed when near its end); a session that is over or refused (401)
 * signs in again. The browser's own words for a network failure (Failed to fetch) are not the clerk's.
 */
async function authorised(path, {method, headers, body}) {
  const token = await freshAccessToken();
  if (!token) {
    await signIn(location.hash);
    throw new ApiError(401, {detail: '登录已过期，正在重新登录…'});
  }
  let res;
  try {
    res = await fetch(path, {method, headers: {...headers, Authorization: 'Bearer ' + token}, body, cache: 'no-cache'});
  } catch {
    throw new ApiError(0, {detail: '无法连接服务，请检查网络后重试'});
  }
  if (res.status === 401) {
    await signIn(location.hash);
    throw new ApiError(401, {detail: '登录已过期，正在重新登录…'});
  }
  return res;
}

/** The answer's JSON (null when it has none or is not JSON). */
async function jsonOf(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * A call of the page's service. {@code body} goes as JSON; {@code raw} (a File, a Blob) goes as it is with its
 * {@code contentType}; {@code idempotencyKey} makes a retried POST get the first answer.
 */
export async function api(path, {method = 'GET', body, raw, contentType, ifMatch, idempotencyKey} = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw !== undefined) headers['Content-Type'] = contentType || 'application/octet-stream';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const payload = raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body);
  const res = await authorised(path, {method, headers, body: payload});
  const json = await jsonOf(res);
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

/**
 * Fetches a file with the bearer token (a plain link would carry none) and saves it as {@code filename}, or with
 * {@code open} shows it in a new tab (a PDF). {@code body} is sent as JSON with {@code POST}.
 */
export async function download(path, filename, {body, open = false} = {}) {
  const res = await authorised(path, body === undefined ? {method: 'GET', headers: {}}
    : {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  if (!res.ok) throw new ApiError(res.status, await jsonOf(res));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  if (open) a.target = '_blank';
  else a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), open ? 600_000 : 10_000);
}

/** The problem's detail with its listed errors, for display. */
export function problemText(e) {
  const errors = e?.problem?.errors?.map(x => x.message).filter(Boolean) || [];
  return [e.message, ...errors].join('；');
}

const catalogues = new Map();

/** The template catalogue (sections, tables, rows, columns and their official labels), once per template. */
export function catalogue(template) {
  if (!catalogues.has(template)) {
    catalogues.set(template, fetch('/api/v1/catalogue/' + encodeURIComponent(template)).then(r => {
      if (!r.ok) throw new Error('无法读取报告模板 ' + template);
      return r.json();
    }));
  }
  return catalogues.get(template);
}
