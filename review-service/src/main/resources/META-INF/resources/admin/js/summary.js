// The county summary (全县汇总; 全省汇总 for the province): Tables 2–4 of a reporting year summed over the approved
// reports, each figure's breakdown one click away, the townships still missing named, and the sums checked by the
// validation service's dry run (the same rules as a township's report), naming the townships that break a rule.
import {api, download, problemText} from './api.js';
import {frontendConfig} from './auth.js';
import {showBanner} from '/common/js/dom.js';
import {reportingYearBeingFiled} from '/common/js/calendar.js';
import {h, SEVERITY_LABELS} from './dom.js';

const NUMBERS = {2: '二', 3: '三', 4: '四'};

function figure(v) {
  return v === null || v === undefined ? '—' : String(v);
}

export async function renderSummary(view, params, {current}) {
  const year = params.get('year') || String(reportingYearBeingFiled(new Date()));
  const county = params.get('county') || '';
  const query = 'year=' + encodeURIComponent(year) + (county ? '&county=' + encodeURIComponent(county) : '');
  const data = await api('/api/v1/summary?' + query);
  if (!current()) return;
  const unit = data.province ? '县（市、区）' : '乡镇';
  const title = data.province ? '全省汇总' : '全县汇总';
  const input = h('input', {type: 'number', id: 'summary-year', min: '2019', max: '9998', value: String(data.year)});
  view.append(h('h1', title, '　', h('span.muted', data.scopeName)),
    h('form.filters', {
      onsubmit: e => {
        e.preventDefault();
        location.hash = '#/summary?year=' + encodeURIComponent(input.value) + (county ? '&county=' + encodeURIComponent(county) : '');
      }
    }, h('label', '报告年度 ', input), h('button', {type: 'submit', class: 'primary'}, '查看'), ' ',
      h('button#summary-xlsx', {
        type: 'button', onclick: async () => {
          try {
            await download('/api/v1/summary/export.xlsx?' + query, data.year + '年度' + data.scopeName + title + '.xlsx');
          } catch (e) {
            showBanner(problemText(e), 'error');
          }
        }
      }, '导出 Excel'), ' ',
      h('button#summary-docx', {
        type: 'button', onclick: async () => {
          try {
            await download('/api/v1/summary/export.docx?' + query, data.year + '年度' + data.scopeName + title + '表格（草稿）.docx');
          } catch (e) {
            showBanner(problemText(e), 'error');
          }
        }
      }, '导出 Word 草稿')),
    h('p.muted#summary-scope', `${data.year} 年度，共 ${data.townships} 个乡镇（街道），已汇总 `,
      h('strong', String(data.province ? data.members.length + ' 个县（市、区）' : data.members.length + ' 个乡镇')),
      ' 审核通过的报告。表中金额单位为万元。'));

  if (data.province) {
    // every county of the province, summed or not yet: how far each has come
    view.append(h('div.panel#summary-counties', h('h3', '各县（市、区）进度'),
      h('table.grid', h('thead', h('tr', h('th', '县（市、区）'), h('th', '乡镇（街道）数'), h('th', '审核通过'), h('th', '尚缺'))),
        h('tbody', data.counties.map(c => h('tr', {'data-county': c.code},
          h('td', c.name), h('td.num', String(c.townships)), h('td.num', String(c.approved)),
          h('td.num', String(c.townships - c.approved))))))));
  }
  if (data.missing.length) {
    view.append(h('details.panel#summary-missing', h('summary', `尚无审核通过报告的乡镇（${data.missing.length} 个），未计入汇总`),
      h('p', data.missing.map(m => (data.province ? m.countyName + ' ' : '') + m.name).join('、'))));
  }
  if (data.leftOut.length) {
    view.append(h('div.panel#summary-left-out', h('h3', '未纳入汇总'),
      h('ul', data.leftOut.map(l => h('li', l.name, '：', l.reasonZh)))));
  }

  const checks = h('div.panel#summary-checks', h('h3', '合计数校验'), h('p.muted', '正在校验……'));
  view.append(checks);

  const detail = h('div.panel#summary-breakdown', {hidden: true});
  for (const t of data.tables) {
    view.append(h('h2', `表${NUMBERS[t.number] || t.number}　${t.title}`), table(t, data, detail, unit));
  }
  view.append(detail);
  check(checks, data, unit);
}

function table(t, data, detail, unit) {
  // Table 2's rows have columns of their own; Tables 3 and 4 share one set: a header whenever the columns change
  const body = [];
  let header = null;
  for (const row of t.rows) {
    const labels = row.cells.map(c => c.label);
    if (JSON.stringify(labels) !== header) {
      body.push(h('tr.head', h('th', '项目'), row.cells.map(c => h('th', c.label))));
      header = JSON.stringify(labels);
    }
    body.push(h('tr', {dataset: {row: row.key}}, h('th.row', row.label), row.cells.map(c => {
      const td = h('td.num', {
        dataset: {table: String(t.number), row: row.key, column: c.column},
        class: c.value === null ? 'num stopped' : 'num',
        title: c.value === null ? c.stoppedBy.join('、') + '：' + c.stoppedBecauseZh : '点击查看各' + unit + '数字'
      }, figure(c.value));
      td.addEventListener('click', () => breakdown(detail, t, row, c, data, unit));
      return td;
    })));
  }
  return h('table.grid.summary', {dataset: {table: String(t.number)}}, h('tbody', body));
}

function breakdown(detail, t, row, c, data, unit) {
  detail.hidden = false;
  detail.replaceChildren(h('h3', `表${NUMBERS[t.number] || t.number} · ${row.label} · ${c.label}`),
    c.value === null ? h('p.error', c.stoppedBy.join('、'), '：', c.stoppedBecauseZh) : h('p', '合计：', h('strong', figure(c.value)), c.unit ? ' ' + c.unit : ''),
    h('table.grid#breakdown-table', h('thead', h('tr', h('th', unit), h('th', '数字'))),
      h('tbody', data.members.map((m, i) => h('tr', h('td', m.name), h('td.num', figure(c.byMember[i])))))));
  detail.scrollIntoView({block: 'nearest'});
}

/** The sums checked with the same rules as a report (only the tables' findings: the summary has no text). */
async function check(panel, data, unit) {
  const url = (frontendConfig()?.validationUrl || '').replace(/\/+$/, '') + '/api/v1/validate';
  let answer;
  try {
    answer = await api(url, {method: 'POST', body: data.report});
  } catch (e) {
    panel.replaceChildren(h('h3', '合计数校验'), h('p.muted#summary-checks-unavailable', '暂时无法校验合计数（', e.message, '）。'));
    return;
  }
  const findings = (answer.findings || []).filter(f => f.location && f.location.table && String(f.severity).toUpperCase() !== 'INFO');
  if (!findings.length) {
    panel.replaceChildren(h('h3', '合计数校验'), h('p.ok#summary-consistent', '合计数符合各表的勾稽关系。'));
    return;
  }
  panel.replaceChildren(h('h3', '合计数校验'), h('ul.finding-list', findings.map(f => {
    const severity = String(f.severity).toUpperCase();
    const by = data.members.filter(m => (m.findingCodes || []).includes(f.code)).map(m => m.name);
    return h('li.finding', {class: 'finding sev-' + severity},
      h('span', {class: 'badge sev-' + severity}, SEVERITY_LABELS[severity] || ''), ' ', f.messageZh,
      h('p.muted', by.length ? `审核通过时有同类提示的${unit}：` + by.join('、') : `各${unit}审核通过的报告均无此类提示，请核对分${unit}数字。`));
  })));
}
