// The deadlines view: for a reporting year, each township of the county on time, late, missing or pending.
import {api, download, problemText} from './api.js';
import {showBanner} from '/common/js/dom.js';
import {reportingYearBeingFiled} from '/common/js/calendar.js';
import {h, time, stateBadge, TIMELINESS_LABELS} from './dom.js';

export async function renderCompleteness(view, params, {current}) {
  const year = params.get('year') || String(reportingYearBeingFiled(new Date()));
  const data = await api('/api/v1/completeness?year=' + encodeURIComponent(year));
  if (!current()) return;
  const input = h('input', {type: 'number', id: 'completeness-year', min: '2019', max: '9998', value: year});
  view.append(h('h1', '按期完成情况'),
    h('form.filters', {
      onsubmit: e => {
        e.preventDefault();
        location.hash = '#/completeness?year=' + encodeURIComponent(input.value);
      }
    }, h('label', '报告年度 ', input), h('button', {type: 'submit', class: 'primary'}, '查看'), ' ',
      h('button#export-xlsx', {
        type: 'button', onclick: async () => {
          try {
            await download('/api/v1/completeness/export.xlsx?year=' + encodeURIComponent(data.year),
              data.year + '年度按期完成情况.xlsx');
          } catch (e) {
            showBanner(problemText(e), 'error');
          }
        }
      }, '导出 Excel')),
    h('p.muted', `${data.year} 年度报告须于 ${data.dueDate}（北京时间）前公开；`,
      data.deadlinePassed ? '截止日期已过。' : '尚未到截止日期。'));
  const t = data.totals;
  view.append(h('div.totals#completeness-totals',
    h('div.total.t-ON_TIME', h('span.n', String(t.onTime)), TIMELINESS_LABELS.ON_TIME),
    h('div.total.t-LATE', h('span.n', String(t.late)), TIMELINESS_LABELS.LATE),
    h('div.total.t-MISSING', h('span.n', String(t.missing)), TIMELINESS_LABELS.MISSING),
    h('div.total.t-PENDING', h('span.n', String(t.pending)), TIMELINESS_LABELS.PENDING),
    h('div.total', h('span.n', String(t.townships)), '乡镇总数')));
  for (const c of data.counties) {
    view.append(h('h2', c.name, c.cityName ? '（' + c.cityName + '）' : ''),
      h('table.grid.completeness', {dataset: {county: c.code}},
        h('thead', h('tr', ['乡镇', '代码', '最新版本', '状态', '通过时间', '公开时间', '完成情况'].map(x => h('th', x)))),
        h('tbody', c.townships.map(tw => h('tr', {dataset: {township: tw.code}},
          h('td', tw.name), h('td', tw.code),
          h('td', tw.latestCaseId ? h('a', {href: '#/case/' + encodeURIComponent(tw.latestCaseId)}, '第 ' + tw.latestVersion + ' 版') : '—'),
          h('td', tw.state ? stateBadge(tw.state) : '未报送'),
          h('td', time(tw.approvedAt)), h('td', time(tw.publishedAt)),
          h('td', h('span', {class: 'badge t-' + tw.timeliness}, TIMELINESS_LABELS[tw.timeliness] || tw.timeliness)))))));
  }
}
