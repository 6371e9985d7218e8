// 乡镇工作台: a township clerk signs in, uploads the report they have, sees what was read (every cell with where it
// came from), corrects a figure, submits, and follows the version as the other services report it.
import * as auth from '/common/js/auth.js';
import {api, catalogue, problemText} from '/common/js/api.js';
import {reportingYearBeingFiled} from '/common/js/calendar.js';
import {clear, h, hideBanner, SEVERITY_LABELS, showBanner, time} from '/common/js/dom.js';

const app = document.getElementById('app');

const READING_LABELS = {
  WRITTEN: '按原文读取', BLANK: '原文为空，请填写', RESOLVED_BY_ARITHMETIC: '按勾稽关系推算，请核对',
  EXTRA_VALUE_DROPPED: '去掉多余数值后读取，请核对', CORRECTED: '已由本单位修改'
};
const OPEN_STATES = ['SUBMITTED', 'AWAITING_REVIEW'];
/** A message for the next page drawn (after a submission moves to the report's page). */
let flash = null;

/** Whole days from now to the end of 31 January (Beijing time) after the reporting year; negative once passed. */
function daysLeft(year, now = new Date()) {
  const end = Date.UTC(year + 1, 0, 31, 16, 0, 0); // 1 February 00:00 in Beijing
  return Math.ceil((end - now.getTime()) / 86400000);
}

// ------------------------------------------------------------------ home

async function renderHome(view) {
  const year = reportingYearBeingFiled(new Date());
  const reports = await api('/api/v1/reports');
  const current = reports.find(r => r.year === year);
  const draft = await api('/api/v1/drafts/' + year).catch(e => {
    if (e.status === 404) return null;
    throw e;
  });
  const left = daysLeft(year);
  view.append(h('h1', '我的年度报告'),
    h('section.panel#this-year',
      h('h2', year + ' 年度政府信息公开工作年度报告'),
      h('p.deadline', '报送截止：', (year + 1) + ' 年 1 月 31 日　',
        left >= 0 ? ['还有 ', h('span.days', String(left)), ' 天'] : h('span.days', '已过截止日期')),
      current
        ? h('p', '当前状态：', h('span', {class: 'badge state-' + current.state}, current.stateLabel), '　第 ',
          String(current.latestVersion), ' 版　', h('a', {href: '#/report/' + encodeURIComponent(current.reportId)}, '查看详情'))
        : h('p', '尚未报送。', h('a#start-upload', {href: '#/upload'}, '上传本年度报告')),
      draft ? h('p#draft', '草稿：保存于 ', time(draft.savedAt), '　', h('a', {href: '#/draft'}, '继续填写')) : null));
  const earlier = reports.filter(r => r.year !== year).sort((a, b) => b.year - a.year);
  view.append(h('section.panel#earlier', h('h2', '往年报告'), earlier.length
    ? h('ul', earlier.map(r => h('li', h('a', {href: '#/report/' + encodeURIComponent(r.reportId)}, r.year + ' 年度'),
      '　', h('span', {class: 'badge state-' + r.state}, r.stateLabel), '　第 ', String(r.latestVersion), ' 版')))
    : h('p.muted', '暂无往年报告。')));
}

// ------------------------------------------------------------------ upload, see what was read, correct, submit

function problemList(e) {
  const errors = e?.problem?.errors || [];
  return h('div.error#read-error', {role: 'alert'}, h('p', e.problem?.title || e.message),
    e.problem?.detail && e.problem.detail !== e.problem?.title ? h('p', e.problem.detail) : null,
    errors.length ? h('ul', errors.map(x => h('li', (x.line ? '第 ' + x.line + ' 行：' : '') + x.message))) : null);
}

async function renderUpload(view) {
  // the browser's own file button speaks the browser's language: a Chinese one in front of it, the file's name beside
  const file = h('input#file.file-input', {type: 'file', accept: '.docx,.doc,.pdf,.html,.htm,.txt,.md,.csv,.tsv'});
  const chosen = h('span#file-name.muted', '未选择文件');
  file.addEventListener('change', () => {
    chosen.textContent = file.files[0] ? file.files[0].name : '未选择文件';
  });
  const result = h('div#preview');
  const read = h('button#read.primary', {type: 'button'}, '读取文档');
  const year = reportingYearBeingFiled(new Date());
  const fromLastYear = h('button#from-last-year', {type: 'button'}, '从 ' + (year - 1) + ' 年度已通过的报告开始');
  const blank = h('button#from-blank', {type: 'button'}, '从空白模板开始');
  view.append(h('h1', '上传报告'),
    h('section.panel', h('p', '请选择本单位的年度报告：Word 文档（.docx 或 .doc）、带文字层的 PDF、网页（HTML）或文本均可。',
      '系统先读取并显示识别结果，核对无误后再提交。'),
      h('div.upload-form', h('label.button#choose-file', {for: 'file'}, '选择文件', file), chosen, read)),
    h('section.panel', h('p', '或者从上一年度已审核通过的报告开始：二、上年结转按上年“结转下年度继续办理”逐列填入，',
      '现行有效件数（2019 版模板为上一年项目数量）按上年结转，其余数字和文字由您填写。'), fromLastYear,
      h('p', '没有上一年度的报告时，可以从 ' + year + ' 年度的空白模板开始，逐项填写。'), blank), result);
  blank.addEventListener('click', async () => {
    blank.disabled = true;
    try {
      const report = await api('/api/v1/reports/blank?year=' + year);
      await showPreview(result, null, {report, provenance: [], importNotes: []});
    } catch (e) {
      result.replaceChildren(problemList(e));
    } finally {
      blank.disabled = false;
    }
  });
  fromLastYear.addEventListener('click', async () => {
    fromLastYear.disabled = true;
    try {
      const start = await api('/api/v1/reports/prefill?year=' + year);
      await showPreview(result, null, {report: start.report, provenance: [], importNotes: [
        '已从 ' + (year - 1) + ' 年度第 ' + start.basedOnVersion + ' 版预填上年结转的数字；其余数字和六个部分的文字请填写 / prefilled']});
    } catch (e) {
      result.replaceChildren(problemList(e));
    } finally {
      fromLastYear.disabled = false;
    }
  });
  read.addEventListener('click', async () => {
    const f = file.files[0];
    if (!f) {
      result.replaceChildren(h('p.error', {role: 'alert'}, '请先选择文件'));
      return;
    }
    read.disabled = true;
    result.replaceChildren(h('p.loading', '正在读取…'));
    try {
      const preview = await api('/api/v1/reports/import?dryRun=true', {method: 'POST', raw: f, contentType: f.type});
      await showPreview(result, f, preview);
    } catch (e) {
      result.replaceChildren(problemList(e));
    } finally {
      read.disabled = false;
    }
  });
}

async function showPreview(box, file, preview) {
  const report = preview.report;
  const cat = await catalogue(report.template);
  const provenance = preview.provenance || [];
  const sources = new Map(provenance.map(p => [p.table + '/' + p.row + '/' + p.column, p]));
  let edited = false;
  const submit = h('button#submit.primary', {type: 'button'}, '提交报告');
  // a year's report covers the whole year: it can be submitted from 1 January; in December it is prepared as a draft
  const notYet = report.year >= new Date().getFullYear();
  const save = h('button#save-draft', {type: 'button'}, '保存草稿');
  const key = crypto.randomUUID();
  box.replaceChildren(...[
    h('h2', file ? '识别结果：' : '待提交的报告：', report.title || (report.organisationName || '') + report.year + ' 年度报告'),
    h('p.muted', '报告年度 ', String(report.year), '　模板 ', report.template === '2019' ? '2019 版（国办公开办函〔2019〕60号）'
      : '2021 版（国办公开办函〔2021〕30号）', '　机关 ', report.organisationName || '（未识别）'),
    preview.importNotes?.length ? h('section.panel#notes', h('h3', '读取提示（', String(preview.importNotes.length), '）'),
      h('ul.notes', preview.importNotes.map(n => h('li', n.split(' / ')[0])))) : null,
    h('p.legend', h('span.read-BLANK', '原文为空'), h('span.read-RESOLVED_BY_ARITHMETIC', '推算或需核对'),
      h('span.edited', '已修改'), '把鼠标停在数字上可看到它在原文中的位置和原文。')].filter(Boolean));
  report.sections = report.sections || [];
  const form = h('div.form');
  const checks = h('aside#checks.panel', {'aria-live': 'polite'}, h('h3', '校验结果'), h('p.muted', '正在校验…'));
  box.append(h('div.editor', form, checks));
  let findingsBlock = false;
  const recheck = debounce(async () => {
    findingsBlock = await showChecks(checks, form, report);
    submit.disabled = notYet || findingsBlock;
  }, 400);
  const edit = () => {
    edited = true;
    recheck();
  };
  for (const s of cat.sections) {
    form.append(h('h3', s.heading));
    let section = report.sections.find(x => x.key === s.key);
    if (!section) {
      form.append(h('p.error', '文档中没有找到这一部分，请在下面填写'));
    }
    const text = h('textarea.section-text', {id: 'section-' + s.key, rows: s.table ? 2 : 6, value: section?.text || '',
      'aria-label': s.heading, placeholder: '（本部分的文字）'});
    text.addEventListener('input', () => {
      if (!section) {
        section = {key: s.key, heading: s.heading, text: ''};
        report.sections.push(section);
        report.sections.sort((a, b) => cat.sections.findIndex(x => x.key === a.key) - cat.sections.findIndex(x => x.key === b.key));
      }
      section.text = text.value;
      edit();
    });
    form.append(text);
    if (s.table) form.append(tableForm(s.table, report, sources, (row, column) => {
      // the county sees which figures the clerk changed, beside what the document wrote
      const key = s.table.reportKey + '/' + row + '/' + column;
      if (sources.has(key)) {
        sources.get(key).reading = 'CORRECTED';
      } else if (provenance.length) {
        const added = {table: s.table.reportKey, row, column, reading: 'CORRECTED'};
        provenance.push(added);
        sources.set(key, added);
      }
      edit();
    }));
  }
  const message = h('div#submit-result');
  if (notYet) {
    submit.disabled = true;
    message.append(h('p.muted#not-yet', report.year + ' 年度报告可于 ' + (report.year + 1) + ' 年 1 月 1 日起提交；现在可以填写并保存草稿。'));
  }
  box.append(h('div.buttons', submit, ' ', save), message);
  recheck();
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const saved = await api('/api/v1/drafts/' + report.year, {method: 'PUT', body: {report,
        importNotes: preview.importNotes || [], provenance}});
      showBanner('草稿已保存（' + time(saved.savedAt) + '），下次登录可继续填写；草稿不会报送给县级');
    } catch (e) {
      message.replaceChildren(problemList(e));
    } finally {
      save.disabled = false;
    }
  });
  submit.addEventListener('click', async () => {
    submit.disabled = true;
    try {
      let receipt;
      if (edited || !file) {
        // the form as it is, with its document's notes and provenance: saved as the draft, and the draft submitted
        await api('/api/v1/drafts/' + report.year, {method: 'PUT', body: {report, importNotes: preview.importNotes || [],
          provenance}});
        receipt = await api('/api/v1/drafts/' + report.year + '/submit', {method: 'POST', idempotencyKey: key});
      } else {
        receipt = await api('/api/v1/reports/import', {method: 'POST', raw: file, contentType: file.type, idempotencyKey: key});
      }
      flash = '已提交第 ' + receipt.version + ' 版，正在校验';
      location.hash = '#/report/' + encodeURIComponent(receipt.reportId);
    } catch (e) {
      message.replaceChildren(problemList(e));
      submit.disabled = false;
    }
  });

}

function debounce(f, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };
}

let checking = 0;

/**
 * Checks as the clerk edits: the validation service's dry run (the same rules it runs after submission) on the report
 * as the form holds it; each finding listed beside the form and marked on its cell or section. Returns whether errors
 * block the submission (they do; warnings are explained). When the check cannot run, nothing blocks: the service
 * checks again after submission.
 */
async function showChecks(panel, form, report) {
  const mine = ++checking;
  const url = (auth.frontendConfig()?.validationUrl || '').replace(/\/+$/, '') + '/api/v1/validate';
  let answer;
  try {
    answer = await api(url, {method: 'POST', body: report});
  } catch (e) {
    if (mine !== checking) return false;
    panel.replaceChildren(h('h3', '校验结果'), h('p.muted#checks-unavailable', '暂时无法预校验（', e.message,
      '）。提交后系统仍会逐项校验。'));
    return false;
  }
  if (mine !== checking) return false;
  for (const el of form.querySelectorAll('.finding-ERROR, .finding-WARNING')) {
    el.classList.remove('finding-ERROR', 'finding-WARNING');
    el.title = el.dataset.source || '';
  }
  const findings = answer.findings || [];
  const items = findings.map(f => {
    const severity = String(f.severity).toUpperCase();
    const target = severity === 'INFO' ? null : placeOf(form, f.location);
    if (target) {
      if (!target.classList.contains('finding-ERROR')) target.classList.add('finding-' + severity);
      target.title = (target.title ? target.title + '\n' : '') + (SEVERITY_LABELS[severity] || '') + '：' + f.messageZh;
    }
    const sentence = f.location?.sentence;
    const li = h('li', {class: 'sev-' + severity}, h('span', {class: 'badge sev-' + severity}, SEVERITY_LABELS[severity] || ''),
      ' ', f.messageZh, sentence && !f.messageZh.includes(sentence)
        ? h('q.sentence', {title: sentence}, sentence.length > 60 ? sentence.slice(0, 60) + '……' : sentence) : null);
    if (target) {
      li.classList.add('jump');
      li.addEventListener('click', () => {
        target.scrollIntoView({block: 'center'});
        (target.querySelector('input') || target).focus();
      });
    }
    return li;
  });
  panel.replaceChildren(h('h3', '校验结果'),
    answer.errors ? h('p.error#checks-summary', answer.errors + ' 处错误须改正后才能提交', answer.warnings ? '；' + answer.warnings + ' 处提示请核对' : '')
      : h('p#checks-summary', {class: answer.warnings ? 'warn' : 'ok'}, answer.warnings
        ? '没有错误；' + answer.warnings + ' 处提示请核对，提交后由县级审核人员确认' : '全部校验通过'),
    items.length ? h('ul.findings#check-list', items) : null);
  return answer.errors > 0;
}

/** The cell or the section's text a finding points at, if it is on the form. */
function placeOf(form, location) {
  if (!location) return null;
  if (location.table && location.row && location.column) {
    return form.querySelector(`#cell-${location.table}-${CSS.escape(location.row)}-${CSS.escape(location.column)}`);
  }
  if (location.table && location.row) {
    return form.querySelector(`#table-${location.table} tr[data-row="${CSS.escape(location.row)}"] td.cell`);
  }
  return location.section ? form.querySelector('#section-' + CSS.escape(location.section)) : null;
}

/** A table of the catalogue as a form: every cell an input, marked by how it was read, its source on hover. */
function tableForm(def, report, sources, onEdit) {
  const values = report[def.reportKey] || (report[def.reportKey] = {});
  const table = h('table.report', {id: 'table-' + def.number});
  table.append(h('caption', '表' + def.number + '　' + def.title));
  for (const row of def.rows) {
    const tr = h('tr', {dataset: {row: row.key}}, h('th', row.fullLabel));
    for (const colKey of row.columns) {
      const col = def.columns.find(c => c.key === colKey);
      const cell = values[row.key]?.[colKey];
      const value = cell === undefined || cell === null ? '' : (typeof cell === 'object' ? cell.value : cell);
      const source = sources.get(def.reportKey + '/' + row.key + '/' + colKey);
      const input = h('input', {type: 'text', inputmode: 'decimal', value: String(value), 'aria-label': row.fullLabel + ' ' + col.label});
      const title = col.label + (source ? '\n' + (source.page ? '第 ' + source.page + ' 页' : '') + (source.line ? '第 ' + source.line + ' 行' : '')
        + (source.raw ? '：「' + source.raw + '」' : '') + '\n' + (READING_LABELS[source.reading] || '') : '');
      const td = h('td.cell', {id: `cell-${def.number}-${row.key}-${colKey}`,
        class: 'cell' + (source ? ' read-' + source.reading : ''), title, dataset: {source: title}}, input);
      input.addEventListener('change', () => {
        const text = input.value.trim();
        values[row.key] = values[row.key] || {};
        if (text === '') {
          delete values[row.key][colKey];
        } else {
          const unit = typeof cell === 'object' && cell ? cell.unit : null;
          const n = Number(text);
          values[row.key][colKey] = unit ? {value: n, unit} : n;
        }
        td.classList.add('edited');
        onEdit(row.key, colKey);
      });
      tr.append(td);
    }
    table.append(tr);
  }
  // one header row when every row has the table's columns (Tables 3 and 4); Table 2's rows name their own
  if (def.rows.every(r => r.columns.length === def.columns.length)) {
    table.insertBefore(h('tr', h('th', '项目'), def.columns.map(c => h('th', c.label))), table.children[1]);
  } else {
    for (const td of table.querySelectorAll('td.cell')) td.prepend(h('span.col', td.title.split('\n')[0]), ' ');
  }
  return table;
}

// ------------------------------------------------------------------ following a report

async function renderReport(view, id) {
  const status = await api('/api/v1/reports/' + encodeURIComponent(id));
  const latest = Math.max(...status.versions.map(v => v.version));
  view.append(h('p.crumbs', h('a', {href: '#/'}, '我的报告'), ' › ', status.year + ' 年度'),
    h('h1', status.organisationName + ' ' + status.year + ' 年度报告'),
    h('p', '当前状态：', h('span#report-state', {class: 'badge state-' + status.state}, status.stateLabel)));
  const list = h('ol.versions#versions', {reversed: true});
  for (const v of [...status.versions].sort((a, b) => b.version - a.version)) {
    const superseded = v.version < latest && OPEN_STATES.includes(v.state);
    const label = superseded ? '已被第 ' + latest + ' 版取代' : v.stateLabel;
    const item = h('li', {dataset: {version: String(v.version)}},
      h('strong', '第 ', String(v.version), ' 版'), '　', h('span', {class: 'badge state-' + (superseded ? 'SUPERSEDED' : v.state)}, label),
      '　提交于 ', time(v.submittedAt));
    if (v.reviewComment) item.append(h('p.comment', '县级审核意见：', v.reviewComment));
    if (v.publicUrl) item.append(h('p', '已在门户公开：', h('a', {href: v.publicUrl, target: '_blank', rel: 'noopener'}, v.publicUrl)));
    if (v.findings?.length && !superseded) {
      item.append(h('ul.findings', v.findings.map(f => h('li', h('span', {class: 'badge sev-' + String(f.severity).toUpperCase()},
        SEVERITY_LABELS[String(f.severity).toUpperCase()] || ''), ' ', f.messageZh))));
    }
    if (v.version === latest && ['SUBMITTED', 'VALIDATION_FAILED', 'AWAITING_REVIEW'].includes(v.state)) {
      const withdraw = h('button#withdraw', {type: 'button'}, '撤回此版本');
      withdraw.addEventListener('click', async () => {
        try {
          await api('/api/v1/reports/' + encodeURIComponent(id) + '/versions/' + v.version + '/withdraw', {method: 'POST'});
          showBanner('已撤回第 ' + v.version + ' 版');
          await route();
        } catch (e) {
          showBanner(problemText(e), 'error');
        }
      });
      item.append(h('p', withdraw));
    }
    if (['RETURNED', 'VALIDATION_FAILED', 'WITHDRAWN'].includes(v.state) && v.version === latest) {
      item.append(h('p', h('a.revise', {href: '#/revise/' + encodeURIComponent(id) + '/' + v.version}, '在此版本上修改后重新提交'),
        '　或　', h('a', {href: '#/upload'}, '重新上传文档')));
    }
    list.append(item);
  }
  view.append(h('section.panel', h('h2', '版本记录'), list));
}

// ------------------------------------------------------------------ routing and sign-in

let renderToken = 0;

async function route() {
  const mine = ++renderToken;
  const [path] = (location.hash.replace(/^#/, '') || '/').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.nav === (parts[0] || 'home'));
  }
  const view = h('div.view');
  try {
    if (parts[0] === 'upload') {
      await renderUpload(view);
    } else if (parts[0] === 'draft') {
      const draft = await api('/api/v1/drafts/' + reportingYearBeingFiled(new Date()));
      view.append(h('h1', '继续填写草稿'), h('p.muted', '保存于 ', time(draft.savedAt)));
      const box = h('div#preview');
      view.append(box);
      await showPreview(box, null, draft);
    } else if (parts[0] === 'revise' && parts[1] && parts[2]) {
      const v = await api('/api/v1/reports/' + encodeURIComponent(parts[1]) + '/versions/' + encodeURIComponent(parts[2]));
      view.append(h('p.crumbs', h('a', {href: '#/'}, '我的报告'), ' › ', h('a', {href: '#/report/' + encodeURIComponent(parts[1])},
        v.report.year + ' 年度')), h('h1', '修改第 ' + v.version + ' 版后重新提交'));
      if (v.reviewComment) view.append(h('p.comment', '县级审核意见：', v.reviewComment));
      const box = h('div#preview');
      view.append(box);
      await showPreview(box, null, v);
    } else if (parts[0] === 'report' && parts[1]) {
      await renderReport(view, parts[1]);
    } else {
      await renderHome(view);
    }
  } catch (e) {
    view.append(h('p.error', {role: 'alert'}, e.message || String(e)));
  }
  if (mine === renderToken) app.replaceChildren(view);
}

function signInPage(message) {
  clear(app).append(h('section.signin',
    h('h1', '乡镇报送人员登录'),
    h('p', '请使用统一身份认证账号登录，上传、核对并报送本单位的政府信息公开工作年度报告。'),
    message ? h('p.error', {role: 'alert'}, message) : null,
    h('button', {type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.signIn()}, '登录')));
}

function wrongRolePage(u) {
  const reviewer = u.roles.includes('county-reviewer');
  const cfg = auth.frontendConfig() || {};
  clear(app).append(h('section.signin#wrong-role',
    h('h1', '此页面供乡镇报送人员使用'),
    reviewer
      ? h('p', '您是县级审核人员，请前往', h('a#go-review', {href: cfg.reviewUrl || '/admin/'}, '县级审核页面'), '审核本县乡镇的报告。')
      : h('p', '您的账号没有报送年度报告的权限，请联系本县（区）政务公开办公室开通乡镇报送账号。'),
    h('button', {type: 'button', class: 'link', onclick: () => auth.signOut()}, '退出登录')));
}

async function start() {
  try {
    await auth.init();
  } catch (e) {
    clear(app).append(h('p.error', {role: 'alert'}, e.message));
    return;
  }
  let message = null;
  try {
    await auth.handleCallback();
  } catch (e) {
    message = e.message;
  }
  if (!auth.signedIn()) {
    signInPage(message);
    return;
  }
  const u = auth.user();
  document.getElementById('user-name').textContent = u.name;
  document.getElementById('user').hidden = false;
  document.getElementById('sign-out').addEventListener('click', () => auth.signOut());
  if (!u.roles.includes('township-submitter')) {
    wrongRolePage(u);
    return;
  }
  document.getElementById('nav').hidden = false;
  window.addEventListener('hashchange', async () => {
    hideBanner();
    await route();
    if (flash) {
      showBanner(flash);
      flash = null;
    }
  });
  await route();
}

start();
