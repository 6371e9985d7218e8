// Sign-in with the OIDC provider: authorization code flow with PKCE (S256), done in the browser with crypto.subtle.
// Shared by the services' pages (/admin/ of the review service, /workspace/ of intake: service-support serves it at
// /common/js/). The provider and the public client come from the page's service (/api/v1/frontend-config, backed by
// the frontend.oidc.* properties); the endpoints from the provider's discovery document.

/** The page's own path (/admin/, /workspace/): where the provider sends the browser back, and the storage keys. */
const APP = location.pathname.replace(/[^/]*$/, '') || '/';
const TOKENS = APP + 'tokens';
const PENDING = APP + 'pkce';

let config = null;
let discovery = null;

export async function init() {
  const res = await fetch('/api/v1/frontend-config', {headers: {Accept: 'application/json'}});
  if (!res.ok) throw new Error('无法读取登录配置（HTTP ' + res.status + '）');
  config = await res.json();
  const base = new URL(config.authServerUrl.replace(/\/+$/, ''), location.href).href;
  const wk = await fetch(base + '/.well-known/openid-configuration', {headers: {Accept: 'application/json'}});
  if (!wk.ok) throw new Error('无法连接统一身份认证服务（HTTP ' + wk.status + '）');
  discovery = await wk.json();
}

/** The page's sign-in settings and the addresses of the other pages (reviewUrl, workspaceUrl). */
export function frontendConfig() {
  return config;
}

function redirectUri() {
  return location.origin + APP;
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes) {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return base64url(a);
}

/** Goes to the provider's login page; comes back to the page (/admin/?code=…&state=…). */
export async function signIn(returnTo) {
  const verifier = randomString(48);
  const state = randomString(16);
  const nonce = randomString(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, nonce, returnTo: returnTo || location.hash || '#/'}));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state, nonce, code_challenge: challenge, code_challenge_method: 'S256'
  }).toString();
  location.assign(url.href);
}

/**
 * When the provider sent the browser back with a code (or an error), exchanges the code for tokens.
 * Returns true when this page load was such a callback.
 */
export async function handleCallback() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', APP + (pending?.returnTo || '#/'));
  if (params.has('error')) {
    throw new Error('登录未成功：' + (params.get('error_description') || params.get('error')));
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('登录未成功：登录请求已失效，请重新登录');
  }
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier
    })
  });
  if (!res.ok) throw new Error('登录未成功：无法换取令牌（HTTP ' + res.status + '）');
  keep(await res.json());
  return true;
}

/** Stores the provider's answer and schedules the session's renewal a minute before the access token ends. */
function keep(t) {
  const claims = decode(t.access_token);
  const expiresAt = claims?.exp ? claims.exp * 1000 : Date.now() + (t.expires_in || 300) * 1000;
  const kept = {accessToken: t.access_token, idToken: t.id_token || null, refreshToken: t.refresh_token || null,
    issuedAt: claims?.iat ? claims.iat * 1000 : Date.now(), expiresAt};
  sessionStorage.setItem(TOKENS, JSON.stringify(kept));
  schedule(kept);
}

let renewal = null;

/** While the page is open the session stays alive: renewed before the access token ends, not only on the next call. */
function schedule(t) {
  clearTimeout(renewal);
  if (!t.refreshToken) return;
  renewal = setTimeout(() => freshAccessToken().catch(() => null), Math.max(1000, t.expiresAt - Date.now() - margin(t)));
}

/**
 * How close to its end a token is renewed: a minute (a clerk's upload or a reviewer's approval must not meet its end),
 * half the life of a shorter one.
 */
function margin(t) {
  return Math.min(60_000, (t.expiresAt - (t.issuedAt || t.expiresAt - 300_000)) / 2);
}

let renewing = null;

/**
 * The access token for the next call: the stored one while it is not near its end ({@link margin}), else a new one
 * from the provider with the refresh token (one request however many calls wait); null when the session is over (the
 * caller signs in again).
 */
export async function freshAccessToken() {
  const t = stored();
  if (!t) return null;
  if (t.expiresAt - Date.now() > margin(t)) {
    return t.accessToken;
  }
  if (!t.refreshToken) return t.expiresAt > Date.now() + 5000 ? t.accessToken : null;
  renewing = renewing || (async () => {
    try {
      const res = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
        body: new URLSearchParams({grant_type: 'refresh_token', refresh_token: t.refreshToken, client_id: config.clientId})
      });
      if (!res.ok) {
        sessionStorage.removeItem(TOKENS);
        return null;
      }
      keep(await res.json());
      return stored().accessToken;
    } catch {
      return t.expiresAt > Date.now() + 5000 ? t.accessToken : null;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

function stored() {
  return JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
}

/** Signed in: an access token still valid, or a session the provider can renew. */
export function signedIn() {
  const t = stored();
  const live = t !== null && (t.expiresAt > Date.now() + 5000 || t.refreshToken !== null);
  if (live) schedule(t);
  return live;
}

/** The access token's claims (only for display: the API checks the token). */
export function user() {
  const c = decode(stored()?.accessToken);
  if (!c) return null;
  return {
    subject: c.sub, name: c.name || c.preferred_username || c.sub, org: c.org,
    roles: [...(c.groups || []), ...(c.realm_access?.roles || [])]
  };
}

function decode(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(part + '='.repeat((4 - part.length % 4) % 4));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, ch => ch.charCodeAt(0))));
  } catch {
    return null;
  }
}

/** Forgets the tokens here and ends the session at the provider. */
export function signOut() {
  const t = stored();
  clearTimeout(renewal);
  sessionStorage.removeItem(TOKENS);
  if (discovery?.end_session_endpoint) {
    const url = new URL(discovery.end_session_endpoint);
    const p = new URLSearchParams({client_id: config.clientId, post_logout_redirect_uri: redirectUri()});
    if (t?.idToken) p.set('id_token_hint', t.idToken);
    url.search = p.toString();
    location.assign(url.href);
  } else {
    location.assign(redirectUri());
  }
}
