// The queue: the cases of the reviewer's county, with filters (state, year, township, has warnings), counts per
// state as tabs, and paging. The filters live in the URL (#/queue?state=…&year=…).
import {api, download, problemText} from './api.js';
import {showBanner} from '/common/js/dom.js';
import {h, time, stateBadge, STATE_LABELS} from './dom.js';
import {user} from './auth.js';

const FILTERS = ['state', 'year', 'township', 'hasWarnings', 'page'];
/** What 全部 shows: the live cases; versions superseded by a newer one or withdrawn have tabs of their own. */
const CLOSED = ['SUPERSEDED', 'WITHDRAWN'];

function go(params) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) p.set(k, params.get(k));
  location.hash = '#/queue' + (p.toString() ? '?' + p : '');
}

async function townships(year) {
  // the county's townships come from the deadlines view (the registry), so the filter lists every township
  try {
    const c = await api('/api/v1/completeness?year=' + encodeURIComponent(year));
    return c.counties.flatMap(x => x.townships.map(t => ({code: t.code, name: t.name})));
  } catch {
    return [];
  }
}

export async function renderQueue(view, params, {current}) {
  const query = new URLSearchParams({size: '20', sort: 'updatedAt,desc'});
  for (const k of FILTERS) if (params.get(k)) query.set(k, params.get(k));
  if (!params.get('state')) query.set('state', Object.keys(STATE_LABELS).filter(s => !CLOSED.includes(s)).join(','));
  const thisYear = new Date().getFullYear();
  const [page, towns] = await Promise.all([
    api('/api/v1/cases?' + query),
    townships(params.get('year') || String(thisYear - 1))
  ]);
  if (!current()) return;

  const u = user();
  view.append(h('h1', '审核队列'), h('p.muted', '本县乡镇报送的年度报告，按最近更新排序。', u?.org ? '（' + u.org + '）' : ''));

  // tabs: one per state, with the count of cases matching every other filter
  const total = Object.entries(page.countsByState || {}).filter(([s]) => !CLOSED.includes(s))
    .reduce((a, [, n]) => a + Number(n), 0);
  const tabs = h('div.tabs', {role: 'tablist', id: 'state-tabs'});
  const tab = (state, label, count) => {
    const p = new URLSearchParams(params);
    if (state) p.set('state', state); else p.delete('state');
    p.delete('page');
    return h('button', {
      type: 'button', role: 'tab', class: 'tab' + ((params.get('state') || '') === state ? ' active' : ''),
      dataset: {state: state || 'ALL'}, onclick: () => go(p)
    }, label, ' ', h('span.count', String(count)));
  };
  tabs.append(tab('', '全部', total));
  // every state the API counts, also one this page does not know yet (labelled by its code)
  const states = [...new Set([...Object.keys(STATE_LABELS), ...Object.keys(page.countsByState || {})])];
  for (const s of states) {
    if (s in STATE_LABELS || page.countsByState?.[s]) tabs.append(tab(s, STATE_LABELS[s] || s, page.countsByState?.[s] ?? 0));
  }
  view.append(tabs, h('p.muted.tabs-note', '“全部”不含已被新版本取代或已被乡镇撤回的版本，可在这两个标签中查看。'));

  // filters
  const year = h('input', {type: 'number', name: 'year', id: 'filter-year', min: '2019', max: '9999', value: params.get('year') || '', placeholder: '全部年度'});
  const township = h('select', {name: 'township', id: 'filter-township'}, h('option', {value: ''}, '全部乡镇'),
    towns.map(t => h('option', {value: t.code, selected: params.get('township') === t.code}, t.name + '（' + t.code + '）')));
  if (params.get('township') && !towns.some(t => t.code === params.get('township'))) {
    township.append(h('option', {value: params.get('township'), selected: true}, params.get('township')));
  }
  const warnings = h('select', {name: 'hasWarnings', id: 'filter-warnings'},
    h('option', {value: ''}, '全部'),
    h('option', {value: 'true', selected: params.get('hasWarnings') === 'true'}, '有警告'),
    h('option', {value: 'false', selected: params.get('hasWarnings') === 'false'}, '无警告'));
  const state = h('select', {name: 'state', id: 'filter-state'}, h('option', {value: ''}, '全部状态'),
    Object.entries(STATE_LABELS).map(([k, v]) => h('option', {value: k, selected: params.get('state') === k}, v)));
  view.append(h('form.filters', {
      id: 'filters', onsubmit: e => {
        e.preventDefault();
        go(new URLSearchParams({state: state.value, year: year.value, township: township.value, hasWarnings: warnings.value}));
      }
    },
    h('label', '状态 ', state), h('label', '年度 ', year), h('label', '乡镇 ', township), h('label', '警告 ', warnings),
    h('button', {type: 'submit', class: 'primary'}, '筛选'),
    h('button', {type: 'button', onclick: () => go(new URLSearchParams())}, '清除筛选'),
    h('button#queue-xlsx', {
      type: 'button', onclick: async () => {
        // every case of these filters (not only this page), as the list sorts them
        const q = new URLSearchParams(query);
        q.delete('page');
        q.delete('size');
        try {
          await download('/api/v1/cases/export.xlsx?' + q, '审核案件列表.xlsx');
        } catch (e) {
          showBanner(problemText(e), 'error');
        }
      }
    }, '导出 Excel')));

  if (!page.items.length) {
    view.append(h('p.empty', '没有符合条件的案件。'));
    return;
  }
  const rows = page.items.map(c => h('tr', {dataset: {caseId: c.id}},
    h('td', h('a', {href: '#/case/' + encodeURIComponent(c.id)}, c.id)),
    h('td', c.organisationName || c.organisationCode),
    h('td.num', String(c.year)),
    h('td.num', '第 ' + c.version + ' 版'),
    h('td', stateBadge(c.state, c.stateLabel)),
    h('td.num', c.warningCount ? h('span.badge.sev-WARNING', String(c.warningCount)) : '0'),
    h('td.num', c.errorCount ? h('span.badge.sev-ERROR', String(c.errorCount)) : '0'),
    h('td', c.claimedBy ? (c.claimedBy.name || c.claimedBy.subject) : '—'),
    h('td', time(c.updatedAt))));
  view.append(h('table.grid#queue',
    h('thead', h('tr', ['案件编号', '乡镇', '年度', '版本', '状态', '警告', '错误', '认领人', '更新时间'].map(t => h('th', t)))),
    h('tbody', rows)));
  const pager = h('div.pager');
  const to = n => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    go(p);
  };
  pager.append(
    h('button', {type: 'button', disabled: page.page <= 0, onclick: () => to(page.page - 1)}, '上一页'),
    h('span', `第 ${page.page + 1} / ${Math.max(page.totalPages, 1)} 页，共 ${page.total} 件`),
    h('button', {type: 'button', disabled: page.page + 1 >= page.totalPages, onclick: () => to(page.page + 1)}, '下一页'));
  view.append(pager);
}
