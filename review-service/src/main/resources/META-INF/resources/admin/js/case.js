// One case: the report as the official tables (drawn from the template catalogue), every finding marked on its
// cell, sentence or section and listed beside; last year's approved figures or the previous version's beside the
// current ones; the allowed actions; the audit trail.
import {api, catalogue, download, problemText} from './api.js';
import {frontendConfig} from './auth.js';
import {h, time, stateBadge, SEVERITY_LABELS} from './dom.js';
import {hideBanner, showBanner} from '/common/js/dom.js';

const CONFLICT = '该案件已被他人处理，已重新加载';

/** How a cell was read from the township's document (the importer's readings, and the clerk's changes). */
const READINGS = {
  WRITTEN: '按原文读取', BLANK: '原文为空', RESOLVED_BY_ARITHMETIC: '原文数字连写或缺失，按表内勾稽关系推算',
  EXTRA_VALUE_DROPPED: '原文多出一个数值，去掉后读取', CORRECTED: '乡镇报送人员修改了从文档读取的数字'
};

export async function renderCase(view, id, {current, host}) {
  let c;
  try {
    c = await api('/api/v1/cases/' + encodeURIComponent(id));
  } catch (e) {
    if (!current()) return;
    if (e.status === 403) {
      view.append(h('h1', '无权查看该案件'), h('p.error#forbidden', {role: 'alert'}, '您无权查看该案件：' + e.message),
        h('p', h('a', {href: '#/queue'}, '返回审核队列')));
      return;
    }
    if (e.status === 404) {
      view.append(h('h1', '案件不存在'), h('p.error', {role: 'alert'}, '没有编号为 ' + id + ' 的案件。'),
        h('p', h('a', {href: '#/queue'}, '返回审核队列')));
      return;
    }
    throw e;
  }
  // the API writes severities in lower case (error, warning, info)
  for (const f of [...(c.findings || []), ...(c.previousVersion?.findings || [])]) f.severity = String(f.severity || '').toUpperCase();
  const [cat, audit] = await Promise.all([
    c.report ? catalogue(c.report.template) : Promise.resolve(null),
    api('/api/v1/cases/' + encodeURIComponent(id) + '/audit')
  ]);
  if (!current()) return;

  // draws the case again into the element on screen (host: where the first drawing was moved to)
  const target = host || view;
  const rerender = async () => {
    const fresh = h('div.view');
    try {
      await renderCase(fresh, id, {current, host: target});
    } catch (e) {
      fresh.append(h('p.error', {role: 'alert'}, e.message));
    }
    if (current()) target.replaceChildren(...fresh.childNodes);
  };

  view.append(h('p.crumbs', h('a', {href: '#/queue'}, '审核队列'), ' › ', c.id));
  view.append(h('header.case-head',
    h('h1', c.report?.title || (c.organisationName + ' ' + c.year + ' 年度报告')),
    h('div.meta',
      stateBadge(c.state, c.stateLabel), ' ',
      h('span', `${c.organisationName}（${c.organisationCode}）· ${c.countyName || c.countyCode} · ${c.year} 年度 · 第 ${c.version} 版`),
      h('span.muted', ' 案件编号 ', c.id)),
    h('div.meta.muted',
      '报送：', time(c.submittedAt), '　校验：', time(c.validatedAt),
      c.claimedBy ? ['　认领人：', c.claimedBy.name || c.claimedBy.subject, '（', time(c.claimedAt), '）'] : null)));

  if (c.report) {
    // the document as the portal will get it, rendered by the publication service (nothing stored there)
    const preview = h('button#preview-pdf', {type: 'button'}, '预览公开文本（PDF）');
    preview.addEventListener('click', async () => {
      preview.disabled = true;
      try {
        await download((frontendConfig()?.publicationUrl || '').replace(/\/+$/, '') + '/api/v1/preview',
          c.id + '-预览.pdf', {body: c.report, open: true});
      } catch (e) {
        showBanner('无法生成预览：' + problemText(e), 'error');
      } finally {
        preview.disabled = false;
      }
    });
    view.append(h('p.preview', preview, h('span.muted', '　按公开时的版式生成，仅供审核参考，不会公开。')));
  }
  view.append(actionsPanel(c, rerender, cat));
  if (c.decision) {
    view.append(h('section.panel.decision#decision', h('h2', '审核结论'),
      h('p', c.decision.decision === 'APPROVED' ? '审核通过' : '已退回乡镇', '　', c.decision.decidedBy?.name || '', '　', time(c.decision.decidedAt)),
      c.decision.comment ? h('p.comment', c.decision.comment) : null,
      c.acknowledgements?.length ? h('ul', c.acknowledgements.map(a => {
        const f = findingOf(c, a);
        return h('li', '已确认警告：', f?.messageZh || '一条校验警告', h('span.muted', '（', placeOf(f, a, cat), '）'),
          a.note ? '　核实说明：' + a.note : '');
      })) : null));
  }
  if (c.publication) {
    view.append(h('p.muted', '已公开：', time(c.publication.publishedAt), ' ',
      c.publication.publicUrl ? h('a', {href: c.publication.publicUrl, target: '_blank', rel: 'noopener'}, c.publication.publicUrl) : null));
  }
  if (c.supersededBy) {
    view.append(h('p.muted', '本版本已被 ', h('a', {href: '#/case/' + encodeURIComponent(c.supersededBy)}, c.supersededBy), ' 取代。'));
  }

  const reading = c.reading || {importNotes: [], provenance: []};
  const sources = new Map((reading.provenance || []).map(p => [p.table + '/' + p.row + '/' + p.column, p]));
  if (reading.importNotes?.length || sources.size) view.append(readingPanel(reading, cat));

  const layout = h('div.case-layout');
  const reportBox = h('div.report#report');
  const aside = h('aside.findings#findings');
  layout.append(reportBox, aside);
  view.append(layout);

  const findings = (c.findings || []).map((f, i) => ({...f, n: i + 1}));
  aside.append(findingsList(findings, cat));

  if (!c.report || !cat) {
    reportBox.append(h('p.empty', '该版本没有可显示的报告内容。'));
  } else {
    const compareChoices = [];
    if (c.previousVersion?.report) compareChoices.push({key: 'previous', label: `上一版本（第 ${c.previousVersion.version} 版）`, report: c.previousVersion.report});
    if (c.lastYearApproved?.report) compareChoices.push({key: 'lastYear', label: c.lastYearApproved.history
    ? `上年报告（${c.lastYearApproved.year} 年度，由已公开文档导入）` : `上年已通过报告（${c.lastYearApproved.year} 年度）`, report: c.lastYearApproved.report});
    const body = h('div.report-body');
    const draw = key => {
      const choice = compareChoices.find(x => x.key === key) || null;
      body.replaceChildren(...reportNodes(c.report, cat, findings, choice, sources));
    };
    if (compareChoices.length) {
      const select = h('select#compare', {onchange: e => draw(e.target.value)},
        h('option', {value: ''}, '不对照'), compareChoices.map(x => h('option', {value: x.key}, x.label)));
      reportBox.append(h('div.compare-bar', h('label', '对照数据：', select),
        h('span.muted', ' 与所选报告不同的数字以黄色标出，并在单元格中注明对照值。')));
    } else {
      reportBox.append(h('p.muted', '没有上一版本或上年已通过的报告可供对照。'));
    }
    reportBox.append(body);
    draw('');
  }

  view.append(auditPanel(audit));
}

// ------------------------------------------------------------------ actions

/** The finding an acknowledgement or a warning to acknowledge is about (same rule, same cell). */
function findingOf(c, w) {
  return (c.findings || []).find(f => f.code === w.findingCode
    && (f.location?.row ?? null) === (w.row ?? null) && (f.location?.column ?? null) === (w.column ?? null));
}

/** Where a warning points, in the catalogue's Chinese labels (never the rule's code or the row's key). */
function placeOf(f, w, cat) {
  if (f) return locationText(f, cat);
  const s = cat?.sections.find(x => x.table && x.table.rows.some(r => r.key === w.row));
  return s ? locationText({location: {section: s.key, row: w.row, column: w.column}}, cat) : '整份报告';
}

function actionsPanel(c, rerender, cat) {
  const panel = h('section.panel.actions#actions', h('h2', '审核操作'));
  const allowed = c.allowedActions || [];
  if (!allowed.length) {
    panel.append(h('p.muted', c.state === 'IN_REVIEW' && c.claimedBy
      ? '该案件已由 ' + (c.claimedBy.name || c.claimedBy.subject) + ' 认领，您当前不能操作。'
      : '当前状态下您没有可执行的操作。'));
    return panel;
  }
  const message = h('p.error#action-error', {role: 'alert', hidden: true});
  const act = async (action, body) => {
    message.hidden = true;
    hideBanner(); // the banner of an earlier action must not stand beside this one's outcome
    try {
      await api('/api/v1/cases/' + encodeURIComponent(c.id) + '/' + action, {method: 'POST', body, ifMatch: c.etag});
      showBanner(({claim: '已认领该案件', release: '已放弃认领', approve: '已审核通过', return: '已退回乡镇'})[action], 'info');
      await rerender();
    } catch (e) {
      if (e.status === 412 || e.status === 409) {
        showBanner(CONFLICT, 'conflict');
        await rerender();
      } else {
        message.textContent = problemText(e);
        message.hidden = false;
      }
    }
  };
  const buttons = h('div.buttons');
  const forms = h('div.forms');
  if (allowed.includes('claim')) buttons.append(h('button#action-claim.primary', {type: 'button', onclick: () => act('claim')}, '认领'));
  if (allowed.includes('release')) buttons.append(h('button#action-release', {type: 'button', onclick: () => act('release')}, '放弃认领'));
  if (allowed.includes('approve')) {
    const warnings = c.warningsToAcknowledge || [];
    const boxes = warnings.map((w, i) => {
      const f = findingOf(c, w);
      const box = h('input', {type: 'checkbox', class: 'ack', id: 'ack-' + i, dataset: {code: w.findingCode}});
      const note = h('input', {type: 'text', class: 'ack-note', placeholder: '核实说明（可选）', maxlength: '500'});
      return {w, box, note, el: h('li', h('label', box, ' ', h('span.badge.sev-WARNING', '警告'), ' ',
        f?.messageZh || '一条校验警告', h('span.muted', '（', placeOf(f, w, cat), '）')), note)};
    });
    const comment = h('textarea#approve-comment', {rows: 2, maxlength: '2000', placeholder: '审核意见（可选）'});
    const submit = h('button#approve-submit.primary', {type: 'button'}, '确认通过');
    const sync = () => {
      submit.disabled = !boxes.every(b => b.box.checked);
    };
    boxes.forEach(b => b.box.addEventListener('change', sync));
    sync();
    submit.addEventListener('click', () => act('approve', {
      comment: comment.value.trim() || null,
      acknowledgements: boxes.map(b => ({findingCode: b.w.findingCode, row: b.w.row, column: b.w.column, note: b.note.value.trim() || null}))
    }));
    const form = h('div.action-form#approve-form', {hidden: true},
      h('h3', '审核通过'),
      warnings.length ? [h('p', '该报告有 ', String(warnings.length), ' 条警告，请逐条核实并勾选确认：'), h('ul.acks', boxes.map(b => b.el))]
        : h('p.muted', '该报告没有需要确认的警告。'),
      h('label.block', '审核意见', comment), submit);
    forms.append(form);
    buttons.append(h('button#action-approve.primary', {type: 'button', onclick: () => toggle(forms, form)}, '审核通过…'));
  }
  if (allowed.includes('return')) {
    const comment = h('textarea#return-comment', {rows: 3, maxlength: '2000', required: true, placeholder: '请写明需要乡镇修改的内容（必填）'});
    const err = h('p.error#return-error', {role: 'alert', hidden: true});
    const form = h('div.action-form#return-form', {hidden: true},
      h('h3', '退回乡镇'), h('label.block', '退回意见（必填）', comment), err,
      h('button#return-submit.danger', {
        type: 'button', onclick: () => {
          if (!comment.value.trim()) {
            err.textContent = '请填写退回意见';
            err.hidden = false;
            comment.focus();
            return;
          }
          err.hidden = true;
          act('return', {comment: comment.value.trim()});
        }
      }, '确认退回'));
    forms.append(form);
    buttons.append(h('button#action-return.danger', {type: 'button', onclick: () => toggle(forms, form)}, '退回…'));
  }
  panel.append(buttons, forms, message);
  return panel;
}

function toggle(forms, form) {
  const open = form.hidden;
  for (const f of forms.children) f.hidden = true;
  form.hidden = !open;
}

// ------------------------------------------------------------------ findings

function locationText(f, cat) {
  const loc = f.location || {};
  if (!loc.section) return '整份报告';
  const s = cat?.sections.find(x => x.key === loc.section);
  const parts = [s ? s.heading : loc.section];
  if (loc.row && s?.table) {
    const row = s.table.rows.find(r => r.key === loc.row);
    const col = s.table.columns.find(x => x.key === loc.column);
    parts.push('表' + s.table.number, row ? row.fullLabel : loc.row);
    if (loc.column) parts.push(col ? col.label : loc.column);
  } else if (loc.sentence) {
    // a long list in the narrative (其中… twelve items): its opening, the whole in the report beside, marked
    parts.push('“' + (loc.sentence.length > 60 ? loc.sentence.slice(0, 60) + '……' : loc.sentence) + '”');
  }
  return parts.join(' · ');
}

function findingsList(findings, cat) {
  const box = h('div', h('h2', '校验发现（', String(findings.length), '）'));
  if (!findings.length) {
    box.append(h('p.muted', '没有校验发现。'));
    return box;
  }
  const order = {ERROR: 0, WARNING: 1, INFO: 2};
  const list = h('ol.finding-list');
  for (const f of [...findings].sort((a, b) => (order[a.severity] - order[b.severity]) || (a.n - b.n))) {
    list.append(h('li', {class: 'finding sev-' + f.severity, dataset: {code: f.code, n: String(f.n)}},
      h('div', h('span.marker', String(f.n)), ' ', h('span', {class: 'badge sev-' + f.severity}, SEVERITY_LABELS[f.severity] || f.severity),
        ' ', h('strong', f.messageZh || f.code)),
      h('div.muted', {title: f.location?.sentence || null}, locationText(f, cat)),
      f.expected !== undefined || f.actual !== undefined
        ? h('div.muted', f.expected !== undefined ? '应为 ' + f.expected : '', f.expected !== undefined && f.actual !== undefined ? '，' : '',
          f.actual !== undefined ? '实为 ' + f.actual : '') : null,
      h('button.link', {
        type: 'button', onclick: () => {
          const target = document.getElementById(anchorOf(f));
          if (target) {
            target.scrollIntoView({behavior: 'smooth', block: 'center'});
            target.classList.add('flash');
            setTimeout(() => target.classList.remove('flash'), 1500);
          }
        }
      }, '在报告中定位')));
  }
  box.append(list);
  return box;
}

function anchorOf(f) {
  const loc = f.location || {};
  if (loc.row && loc.table) return `cell-${loc.table}-${loc.row}-${loc.column || ''}`;
  if (loc.section) return 'section-' + loc.section;
  return 'report-top';
}

function markers(list) {
  return list.map(f => h('sup', {class: 'marker sev-' + f.severity, title: f.messageZh}, String(f.n)));
}

// ------------------------------------------------------------------ the report

/**
 * What the county must see of the document's reading before approving: the importer's notes, and the figures not
 * read as written (guessed by the table's arithmetic, an extra value dropped, changed by the clerk), each named.
 */
function readingPanel(reading, cat) {
  const unsure = (reading.provenance || []).filter(p => p.reading !== 'WRITTEN' && p.reading !== 'BLANK');
  const label = p => {
    const t = cat?.sections.map(s => s.table).find(t => t?.reportKey === p.table);
    const row = t?.rows.find(r => r.key === p.row);
    const col = t?.columns.find(c => c.key === p.column);
    return (t ? '表' + t.number + ' ' : '') + (row?.fullLabel || p.row) + ' · ' + (col?.label || p.column);
  };
  return h('section.panel#reading', h('h2', '文档读取情况'),
    h('p.muted', '该版本由乡镇上传的文档读取；下列提示和需核对的数字请在审核时留意。表中以颜色标出，鼠标停留可见原文位置和原文。'),
    reading.importNotes?.length ? h('ul.notes#reading-notes', reading.importNotes.map(n => h('li', n.split(' / ')[0]))) : null,
    unsure.length ? [h('h3', '需核对的数字（', String(unsure.length), '）'),
      h('ul#reading-unsure', unsure.map(p => h('li', {class: 'read-' + p.reading}, label(p), '：', READINGS[p.reading] || '',
        p.raw ? '（原文「' + p.raw + '」' + (p.page ? '，第 ' + p.page + ' 页' : '') + (p.line ? '第 ' + p.line + ' 行' : '') + '）' : '')))]
      : h('p#reading-unsure', '所有数字均按原文读取。'));
}

function sourceText(p) {
  const where = (p.page ? '第 ' + p.page + ' 页' : '') + (p.line ? '第 ' + p.line + ' 行' : '');
  return '原文' + (where ? '（' + where + '）' : '') + (p.raw ? '「' + p.raw + '」' : '') + '：' + (READINGS[p.reading] || '');
}

function reportNodes(report, cat, findings, compare, sources) {
  const out = [];
  const general = findings.filter(f => !f.location?.section);
  out.push(h('div#report-top', h('p.notice.muted', '模板：', cat.notice, '　报告机关：', report.organisationName || '', '　年度：', String(report.year))));
  if (general.length) out.push(h('ul.section-findings', general.map(f => h('li', {class: 'sev-' + f.severity}, markers([f]), ' ', f.messageZh))));
  for (const s of cat.sections) {
    const here = findings.filter(f => f.location?.section === s.key);
    const onCells = s.table ? here.filter(f => f.location?.row) : [];
    const onSentences = here.filter(f => !f.location?.row && f.location?.sentence);
    const onSection = here.filter(f => !f.location?.row && !f.location?.sentence);
    const section = h('section.report-section', {id: 'section-' + s.key, dataset: {section: s.key}});
    section.append(h('h2', s.heading, ' ', markers(onSection)));
    if (onSection.length) section.append(h('ul.section-findings', onSection.map(f => h('li', {class: 'sev-' + f.severity}, markers([f]), ' ', f.messageZh))));
    const text = (report.sections || []).find(x => x.key === s.key);
    if (!text && !s.table) section.append(h('p.missing', '（报告中没有该部分）'));
    if (text?.text) section.append(narrative(text.text, onSentences));
    if (compare) {
      const then = (compare.report.sections || []).find(x => x.key === s.key);
      if (text?.text || then?.text) section.append(textComparison(text?.text || '', then?.text || '', compare.key));
    }
    if (s.table) {
      const table = report[s.table.reportKey];
      const other = compare ? compare.report[s.table.reportKey] : null;
      section.append(table ? tableNode(s.table, table, onCells, compare, other, sources) : h('p.missing', '（报告中没有表' + s.table.number + '）'));
      const orphan = onCells.filter(f => !s.table.rows.some(r => r.key === f.location.row));
      if (orphan.length) section.append(h('ul.section-findings', orphan.map(f => h('li', {class: 'sev-' + f.severity}, markers([f]), ' ', f.messageZh))));
    }
    out.push(section);
  }
  return out;
}

/** The narrative, each paragraph as text; sentences named by findings are marked. */
/** A section's sentences, for comparing texts: split after 。！？； and at line breaks, blanks dropped. */
function sentences(text) {
  return text.split(/(?<=[。！？；])|\n+/).map(x => x.replace(/\s+/g, '')).filter(x => x.length > 1);
}

/**
 * What changed in a section's text since last year (or the previous version): the same text, or the sentences added
 * and dropped. A text copied unchanged from last year is what a reviewer wants to see first.
 */
function textComparison(now, then, key) {
  const label = key === 'previous' ? '上一版本' : '上年';
  const a = sentences(now);
  const b = sentences(then);
  const before = new Set(b);
  const after = new Set(a);
  const added = a.filter(x => !before.has(x));
  const dropped = b.filter(x => !after.has(x));
  if (!then) return h('p.text-compare.muted', `与${label}相比：${label}没有这一部分的文字。`);
  if (!now) return h('p.text-compare.muted', `与${label}相比：本报告没有这一部分的文字（${label}有 ${b.length} 句）。`);
  if (!added.length && !dropped.length) {
    return h('p.text-compare.same', `与${label}相比：文字完全相同（${a.length} 句），请核对是否照搬${label}内容。`);
  }
  return h('details.text-compare',
    h('summary', `与${label}相比：新增 ${added.length} 句，删去 ${dropped.length} 句，相同 ${a.length - added.length} 句`),
    added.length ? h('div', h('strong', '新增：'), h('ul', added.map(x => h('li', h('ins', x))))) : null,
    dropped.length ? h('div', h('strong', '删去：'), h('ul', dropped.map(x => h('li', h('del', x))))) : null);
}

function narrative(text, onSentences) {
  const box = h('div.narrative');
  for (const para of text.split(/\n+/)) {
    if (!para.trim()) continue;
    const p = h('p');
    let rest = para;
    const hits = onSentences.filter(f => para.includes(f.location.sentence));
    while (rest) {
      let best = null;
      for (const f of hits) {
        const at = rest.indexOf(f.location.sentence);
        if (at >= 0 && (!best || at < best.at)) best = {at, f};
      }
      if (!best) {
        p.append(document.createTextNode(rest));
        break;
      }
      p.append(document.createTextNode(rest.slice(0, best.at)));
      const same = hits.filter(f => f.location.sentence === best.f.location.sentence);
      p.append(h('mark', {class: 'sev-' + worst(same), title: same.map(f => f.messageZh).join('；')}, best.f.location.sentence), ...markers(same));
      rest = rest.slice(best.at + best.f.location.sentence.length);
    }
    box.append(p);
  }
  for (const f of onSentences.filter(f => !text.includes(f.location.sentence))) {
    box.append(h('p', {class: 'sev-' + f.severity}, markers([f]), ' “', f.location.sentence, '”：', f.messageZh));
  }
  return box;
}

function worst(list) {
  return list.some(f => f.severity === 'ERROR') ? 'ERROR' : list.some(f => f.severity === 'WARNING') ? 'WARNING' : 'INFO';
}

function cellValue(table, row, col) {
  const v = table?.[row]?.[col];
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return {value: String(v.value), unit: v.unit || ''};
  return {value: String(v), unit: ''};
}

function same(a, b) {
  if (!a || !b) return a === b;
  return Number(a.value) === Number(b.value) && a.unit === b.unit;
}

function tableNode(def, data, onCells, compare, other, sources) {
  const uniform = def.rows.every(r => r.columns.join() === def.columns.map(c => c.key).join());
  const table = h('table.report-table', {id: 'table-' + def.number, dataset: {table: def.id}});
  table.append(h('caption', '表' + def.number + '　' + def.title, def.cornerNote ? h('span.muted', ' ' + def.cornerNote) : null));
  const width = Math.max(...def.rows.map(r => r.columns.length));
  if (uniform) table.append(header(def.columns));
  const body = h('tbody');
  let prevPath = [];
  let prevCols = null;
  for (const r of def.rows) {
    // group rows for the enclosing groups that start here (三、本年度办理结果, （三）不予公开, 第二十条第（一）项 …)
    let common = 0;
    while (common < r.path.length && common < prevPath.length && r.path[common] === prevPath[common]) common++;
    const colsKey = r.columns.join();
    if (!uniform && (colsKey !== prevCols || common < r.path.length)) {
      // Table 2: each group has its own column labels
      body.append(h('tr.group-head', h('th.row-label', r.path.join(' ') || ''),
        r.columns.map(k => h('th', def.columns.find(c => c.key === k)?.label || k)),
        width > r.columns.length ? h('th', {colspan: String(width - r.columns.length)}) : null));
    } else {
      for (let i = common; i < r.path.length; i++) {
        body.append(h('tr.group', h('th.row-label', {colspan: String(width + 1), style: `padding-left:${0.5 + i}em`}, r.path[i])));
      }
    }
    prevPath = r.path;
    prevCols = colsKey;
    const tr = h('tr', {dataset: {row: r.key}}, h('th.row-label', {scope: 'row', style: uniform ? `padding-left:${0.5 + r.path.length}em` : null}, r.label));
    for (const k of r.columns) {
      const col = def.columns.find(c => c.key === k);
      const here = onCells.filter(f => f.location.row === r.key && f.location.column === k);
      const v = cellValue(data, r.key, k);
      const td = h('td.num', {id: `cell-${def.number}-${r.key}-${k}`, dataset: {row: r.key, column: k}, title: r.fullLabel + ' · ' + (col?.label || k)});
      td.append(v ? h('span.value', v.value + (v.unit ? ' ' + v.unit : '')) : h('span.missing', '—'));
      const source = sources?.get(def.reportKey + '/' + r.key + '/' + k);
      if (source) {
        td.title += '\n' + sourceText(source);
        if (source.reading !== 'WRITTEN') td.classList.add('read-' + source.reading);
      }
      if (here.length) {
        td.classList.add('has-finding', 'sev-' + worst(here));
        td.title += '\n' + here.map(f => (SEVERITY_LABELS[f.severity] || '') + '：' + f.messageZh).join('\n');
        td.append(...markers(here));
      }
      if (compare) {
        const o = cellValue(other, r.key, k);
        if (!same(v, o)) {
          td.classList.add('diff');
          td.append(h('span.cmp', (compare.key === 'previous' ? '上版 ' : '上年 ') + (o ? o.value + (o.unit ? ' ' + o.unit : '') : '—')));
        }
      }
      tr.append(td);
    }
    if (width > r.columns.length) tr.append(h('td', {colspan: String(width - r.columns.length)}));
    // findings on a column the row does not have still show on the row
    const stray = onCells.filter(f => f.location.row === r.key && !r.columns.includes(f.location.column));
    if (stray.length) tr.firstChild.append(...markers(stray));
    body.append(tr);
  }
  table.append(body);
  return table;
}

/** A header with merged cells from the columns' header paths (申请人情况 › 法人或其他组织 › 商业企业 …). */
function header(columns) {
  const depth = Math.max(...columns.map(c => c.headerPath.length)) + 1;
  const thead = h('thead');
  for (let level = 0; level < depth; level++) {
    const tr = h('tr');
    if (level === 0) tr.append(h('th', {rowspan: String(depth)}, ''));
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (level < c.headerPath.length) {
        const key = c.headerPath.slice(0, level + 1).join('|');
        let span = 1;
        while (i + span < columns.length && columns[i + span].headerPath.slice(0, level + 1).join('|') === key
          && columns[i + span].headerPath.length > level) span++;
        tr.append(h('th', {colspan: String(span)}, c.headerPath[level]));
        i += span - 1;
      } else if (level === c.headerPath.length) {
        tr.append(h('th', {rowspan: String(depth - level), dataset: {column: c.key}}, c.label));
      }
    }
    thead.append(tr);
  }
  return thead;
}

// ------------------------------------------------------------------ audit

/**
 * The Chinese of a text the services write in both languages for operators ("校验通过，有 2 条警告 / passed validation
 * with 2 warning(s)", "系统 / system"): the page shows reviewers the Chinese only.
 */
function zh(text) {
  if (!text) return text;
  const at = text.lastIndexOf(' / ');
  if (at < 0) return text;
  const before = text.slice(0, at);
  const after = text.slice(at + 3);
  return /[\u4e00-\u9fff]/.test(before) && !/[\u4e00-\u9fff]/.test(after) ? before : text;
}

function auditPanel(audit) {
  const entries = audit?.entries || [];
  return h('section.panel.audit#audit', h('h2', '审核记录'),
    entries.length ? h('table.grid',
      h('thead', h('tr', ['时间', '操作人', '原状态', '新状态', '意见'].map(t => h('th', t)))),
      h('tbody', entries.map(e => h('tr',
        h('td', time(e.at)), h('td', zh(e.actorName) || e.actor || '系统'),
        h('td', e.from ? stateBadge(e.from) : '—'), h('td', e.to ? stateBadge(e.to) : '—'),
        h('td.comment', zh(e.comment) || '')))))
      : h('p.muted', '暂无记录。'));
}
