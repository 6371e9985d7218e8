// Building DOM without innerHTML: every text goes in through textContent / text nodes, so report text is never parsed.

/**
 * h('div.cls#id', {attr: value, onclick: fn, dataset: {...}}, child, 'text', [children]).
 * Children that are strings or numbers become text nodes; null/undefined/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const m = /^([a-z0-9]+)((?:[.#][\w-]+)*)$/i.exec(tag);
  const el = document.createElement(m ? m[1] : tag);
  if (m && m[2]) {
    for (const part of m[2].match(/[.#][\w-]+/g)) {
      if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
    }
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
});

/** A time in Beijing time, or a dash. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : DATE_TIME.format(d);
}

export const SEVERITY_LABELS = {ERROR: '错误', WARNING: '警告', INFO: '提示'};

/** A message above the page (kind: info | error | conflict), in the page's #banner, until it is hidden. */
export function showBanner(text, kind = 'info') {
  const banner = document.getElementById('banner');
  banner.textContent = text;
  banner.className = 'banner banner-' + kind;
  banner.hidden = false;
}

export function hideBanner() {
  const banner = document.getElementById('banner');
  banner.hidden = true;
  banner.textContent = '';
}
