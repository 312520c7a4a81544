// The provincial dashboard: plain JavaScript over dashboard-api's JSON endpoints, charts with Apache ECharts,
// live updates from GET /api/v1/stream (Server-Sent Events). The selection lives in the URL hash, so a view can be
// bookmarked or projected as it is.
'use strict';

const PROVINCE = '360000';
/** How long changes are gathered before the page asks again: a batch of figures arrives within a few ms. */
const REFRESH_DELAY_MS = 300;
const TREND_YEARS = 10;

const TEXT = {
  zh: {
    title: '江西省教育科技体育数据看板', domain: '领域', indicator: '指标', period: '期别', basis: '口径',
    search: '按名称或代码搜索', 'basis.received': '全部已报', 'basis.accepted': '省级已审定',
    children: '下级排名', trend: '历年趋势', completeness: '报送情况', sources: '报送记录与审核状态',
    facts: '叙述文字提取的事实', 'facts.none': '暂无提取结果', export: '导出 CSV',
    'drill.hint': '点击柱形或地区名称查看下级', footer: '数据按县级单位报送，逐级汇总；带 ≈ 的数字仅覆盖部分单位。',
    'live.connecting': '连接中', 'live.open': '实时', 'live.closed': '已断开，重连中', updated: '更新于',
    rank: '排名', region: '地区', value: '数值', coverage: '已报/应报', share: '占比', yoy: '同比',
    reported: '已报', expected: '应报', onTime: '按时', late: '迟报', missing: '未报', rate: '报送率',
    withheld: '不公开', partial: '部分', noData: '暂无数据', target: '目标', completion: '完成',
    units: '个单位已报', lateUnits: '迟报单位', missingUnits: '未报单位', none: '无',
    received: '已报', partialUnits: '部分', heldUnits: '待说明', returnedUnits: '已退回', timelyRate: '及时率',
    partialReports: '部分报送单位', heldReports: '待说明单位', returnedReports: '已退回单位', dueDate: '截止',
    notUsed: '未采用', conflict: '冲突', days: '天',
    submission: '报送', version: '版本', review: '审核状态', submittedAt: '报送时间', values: '数值',
    parent: '上级', average: '平均', noForm: '该指标无报表', points: '个百分点',
    complete: '个单位完整', incomplete: '个单位缺期', cutOff: '截至', targetUnits: '目标单位', unitCount: '个',
    ownTarget: '本级下达', comparable: '同口径', 'yoy.no-previous-period': '无上年期别',
    'yoy.no-comparable-units': '无同口径单位', 'yoy.too-few-comparable-units': '同口径单位不足一半',
    partialApart: '部分单位已报，不参与排名',
    review_SUBMITTED: '已报送', review_APPROVED: '已审核', review_RETURNED: '已退回', review_ACCEPTED: '省级已审定',
    review_REOPENED: '重新打开'
  },
  en: {
    title: 'Jiangxi education, science & sports dashboard', domain: 'Domain', indicator: 'Indicator',
    period: 'Period', basis: 'Basis', search: 'Search by name or code', 'basis.received': 'All received',
    'basis.accepted': 'Accepted by the province', children: 'Ranking of sub-regions', trend: 'Trend',
    completeness: 'Reporting', sources: 'Submissions and review', facts: 'Facts extracted from the narrative',
    'facts.none': 'None extracted yet', export: 'Export CSV', 'drill.hint': 'Click a bar or a name to drill down',
    footer: 'Counties report, figures roll up; ≈ marks a figure that covers only part of the units.',
    'live.connecting': 'Connecting', 'live.open': 'Live', 'live.closed': 'Disconnected, retrying',
    updated: 'Updated', rank: 'Rank', region: 'Region', value: 'Value', coverage: 'Reported/expected',
    share: 'Share', yoy: 'YoY', reported: 'Reported', expected: 'Expected', onTime: 'On time', late: 'Late',
    missing: 'Missing', rate: 'Rate', withheld: 'withheld', partial: 'partial', noData: 'No data',
    target: 'Target', completion: 'done', units: 'units reported', lateUnits: 'Late', missingUnits: 'Missing',
    received: 'Received', partialUnits: 'Partial', heldUnits: 'Held', returnedUnits: 'Returned',
    timelyRate: 'On-time rate', partialReports: 'Partial', heldReports: 'Held for an explanation',
    returnedReports: 'Returned', dueDate: 'due', notUsed: 'not used', conflict: 'conflict', days: ' days',
    none: 'none', submission: 'Submission', version: 'Version', review: 'Review', submittedAt: 'Submitted',
    values: 'Values', parent: 'Parent', average: 'Average', noForm: 'No form reports this indicator',
    points: 'points', complete: 'units complete', incomplete: 'units incomplete', cutOff: 'to',
    targetUnits: 'units with targets', unitCount: '', ownTarget: 'set for the region', comparable: 'like for like',
    'yoy.no-previous-period': 'no previous year', 'yoy.no-comparable-units': 'no units in both years',
    'yoy.too-few-comparable-units': 'fewer than half the units in both years',
    partialApart: 'partly reported, not ranked',
    review_SUBMITTED: 'Submitted', review_APPROVED: 'Approved', review_RETURNED: 'Returned',
    review_ACCEPTED: 'Accepted', review_REOPENED: 'Reopened'
  }
};

const state = {
  lang: localStorage.getItem('dashboard.lang') || 'zh',
  indicators: [],
  indicator: null,
  region: PROVINCE,
  period: null,
  basis: 'received',
  path: [],          // the breadcrumb: [{code, name, level}] from the province down
  stream: null,
  refreshTimer: null
};

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key] ?? key;

// ---- numbers the Chinese way ------------------------------------------------------------------

/** 12345678 → 1234.57万, 123456789 → 1.23亿; a unit in 万 (万元) moves to 亿 (亿元) past 10 000. */
function formatNumber(value, unit) {
  if (value === null || value === undefined) {
    return '—';
  }
  const n = Number(value);
  if (unit === '%') {
    return n.toFixed(1);
  }
  if (state.lang === 'en') {
    return n.toLocaleString('en', { maximumFractionDigits: 2 });
  }
  const abs = Math.abs(n);
  const plain = (x) => x.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  if (unit && unit.startsWith('万') && abs >= 1e4) {
    return plain(n / 1e4) + '亿';
  }
  if (abs >= 1e8) {
    return plain(n / 1e8) + '亿';
  }
  if (abs >= 1e4) {
    return plain(n / 1e4) + '万';
  }
  return plain(n);
}

/** The unit shown after a formatted number: 万元 becomes 元 when the number already says 亿. */
function displayUnit(value, unit) {
  if (!unit || unit === '%' || state.lang === 'en') {
    return unit || '';
  }
  return unit.startsWith('万') && Math.abs(Number(value)) >= 1e4 ? unit.slice(1) : unit;
}

function formatPercent(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1) + '%';
}

function withUnit(value, unit) {
  return formatNumber(value, unit) + (value === null || value === undefined ? '' : displayUnit(value, unit));
}

/** ≈ before a figure that covers only part of the units expected, so nobody reads it as the whole. */
function isPartial(figure) {
  return figure.partial ?? (figure.value !== null && figure.reportingUnits < figure.expectedUnits);
}

/** 2024Q2 → 2024年第2季度, 202409 → 2024年9月; other codes as they are. */
function periodName(code) {
  if (!code) {
    return '';
  }
  const quarter = /^(\d{4})Q(\d)$/.exec(code);
  const month = /^(\d{4})(\d{2})$/.exec(code);
  if (state.lang === 'zh') {
    return quarter ? quarter[1] + '年第' + quarter[2] + '季度' : month ? month[1] + '年' + Number(month[2]) + '月' : code;
  }
  return code;
}

/** Whether the figure covers less of its period than asked: a year served to its latest complete quarter. */
function isCutShort(figure) {
  return Boolean(figure.cutOff) && figure.coveredPeriod !== figure.period;
}

/** Who is in the figure: complete units to a cut-off, else reporting units; withheld and incomplete ones said. */
function coverageText(figure) {
  return figure.reportingUnits + '/' + figure.expectedUnits + ' ' + t(figure.cutOff ? 'complete' : 'units')
    + (figure.withheldUnits ? ' · ' + figure.withheldUnits + ' ' + t('withheld') : '')
    + (figure.incompleteUnits ? ' · ' + figure.incompleteUnits + ' ' + t('incomplete') : '');
}

/** The like-for-like change with its comparable units, or why there is none. */
function yoyDetail(figure) {
  if (figure.yoyNote) {
    return '— (' + t('yoy.' + figure.yoyNote)
      + (figure.yoyNote === 'too-few-comparable-units' ? ' ' + figure.comparableUnits + '/' + figure.expectedUnits : '') + ')';
  }
  return yoyText(figure) + ' (' + t('comparable') + ' ' + figure.comparableUnits + ' ' + t('unitCount') + ')';
}

function yoyText(figure) {
  if (figure.yoyPoints !== null && figure.yoyPoints !== undefined) {
    const p = Number(figure.yoyPoints);
    return (p >= 0 ? '+' : '') + p.toFixed(1) + ' ' + t('points');
  }
  if (figure.yoyPercent !== null && figure.yoyPercent !== undefined) {
    const p = Number(figure.yoyPercent);
    return (p >= 0 ? '+' : '') + p.toFixed(1) + '%';
  }
  return '—';
}

// ---- data -------------------------------------------------------------------------------------

/** The cookie the services read the bearer token from: EventSource cannot send an Authorization header. */
const TOKEN_COOKIE = 'report_platform_token';

/** Asks for a token (bin/platform token --region 360000 --role analyst prints one) and keeps it for this tab. */
function signIn() {
  const token = window.prompt(state.lang === 'zh'
    ? '请粘贴访问令牌（bin/platform token --region 360000 --role analyst）'
    : 'Paste an access token (bin/platform token --region 360000 --role analyst)');
  if (token) {
    document.cookie = TOKEN_COOKIE + '=' + encodeURIComponent(token.trim()) + '; path=/; SameSite=Strict';
    window.location.reload();
  }
}

async function getJson(path) {
  // problems come back in the page's language
  const response = await fetch(path, {
    headers: { Accept: 'application/json', 'Accept-Language': state.lang === 'zh' ? 'zh-CN' : 'en' },
  });
  if (response.status === 401) {
    signIn();
  }
  if (!response.ok) {
    throw new Error(path + ' answered ' + response.status);
  }
  return response.json();
}

function query(params) {
  return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined)).toString();
}

function indicatorName(indicator) {
  return state.lang === 'zh' ? indicator.nameZh : indicator.nameEn;
}

/** The form the completeness board follows: the first that reports the indicator. */
function formOf(indicator) {
  return indicator.datasets && indicator.datasets.length ? indicator.datasets[0] : null;
}

/** The periods a picker offers for a form's period type: the last ten years, and their quarters for a quarterly form. */
function periodsFor(periodType) {
  const year = new Date().getFullYear();
  const periods = [];
  for (let y = year; y > year - TREND_YEARS; y--) {
    if (periodType === 'QUARTERLY') {
      // the year too: served to its latest complete quarter
      periods.push(String(y));
      for (let q = 4; q >= 1; q--) {
        periods.push(y + 'Q' + q);
      }
    } else {
      periods.push(String(y));
    }
  }
  return periods;
}

// ---- rendering --------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

/** A header that starts with '#' heads a column of numbers: aligned right like them. */
function table(target, headers, rows) {
  target.replaceChildren(
    el('thead', {}, el('tr', {}, ...headers.map((h) => (h.startsWith('#')
      ? el('th', { class: 'num' }, h.slice(1)) : el('th', {}, h))))),
    el('tbody', {}, ...rows));
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  $('lang-toggle').textContent = state.lang === 'zh' ? 'English' : '中文';
  $('live-status').textContent = t('live.' + $('live-status').dataset.state);
}

function renderIndicatorPicker() {
  const domain = $('domain').value;
  const search = $('indicator-search').value.trim().toLowerCase();
  const matching = state.indicators.filter((i) => (!domain || i.domain === domain)
    && (!search || i.code.toLowerCase().includes(search) || i.nameZh.includes(search)
      || i.nameEn.toLowerCase().includes(search)));
  $('indicator').replaceChildren(...matching.map((i) =>
    el('option', { value: i.code }, indicatorName(i) + ' (' + i.code + ')')));
  if (state.indicator && matching.some((i) => i.code === state.indicator.code)) {
    $('indicator').value = state.indicator.code;
  }
}

function renderPeriodPicker() {
  const form = state.indicator && formOf(state.indicator);
  const periods = periodsFor(form ? form.periodType : 'YEARLY');
  if (state.period && !periods.includes(state.period)) {
    periods.unshift(state.period);
  }
  $('period').replaceChildren(...periods.map((p) => el('option', { value: p }, p)));
  if (state.period) {
    $('period').value = state.period;
  }
}

function renderBreadcrumb() {
  const items = state.path.map((region, index) => index === state.path.length - 1
    ? el('span', { class: 'current' }, region.name)
    : el('a', { href: '#', 'data-region': region.code, onclick: (e) => { e.preventDefault(); goTo(region.code); } }, region.name));
  $('breadcrumb').replaceChildren(...items.flatMap((item, i) => (i ? [el('span', { class: 'sep' }, '›'), item] : [item])));
}

function renderFigure(figure) {
  const unit = figure.unit;
  $('figure-region').textContent = figure.regionName;
  $('figure-indicator').textContent = indicatorName(state.indicator);
  $('figure-period').textContent = figure.period
    + (isCutShort(figure) ? ' (' + t('cutOff') + periodName(figure.cutOff) + ')' : '');
  const value = $('figure-value');
  value.textContent = (isPartial(figure) ? '≈ ' : '') + formatNumber(figure.value, unit);
  value.dataset.value = figure.value === null ? '' : String(figure.value);
  $('figure-unit').textContent = figure.value === null ? '' : displayUnit(figure.value, unit);
  $('figure-coverage').replaceChildren(el('span', { class: isPartial(figure) ? 'badge partial' : 'badge' },
    coverageText(figure)));
  $('figure-yoy').textContent = t('yoy') + ' ' + yoyDetail(figure);
  $('figure-target').textContent = figure.target !== null
    ? t('target') + ' ' + withUnit(figure.target, unit) + ' · ' + t('completion') + ' ' + formatPercent(figure.completion)
      + ' · ' + (figure.targetSource === 'region' ? t('ownTarget')
        : t('targetUnits') + ' ' + figure.targetUnits + ' ' + t('unitCount'))
    : '';
}

let childrenChart;
let trendChart;

function renderChildren(answer) {
  const unit = answer.parent.unit;
  const children = answer.children;
  const withValue = children.filter((c) => c.value !== null);
  const canDrill = answer.parent.level !== 'COUNTY';
  const additive = state.indicator.rule === 'SUM';
  // a sum's parent dwarfs its parts: the reference is then the children's average
  const reference = additive
    ? (withValue.length ? withValue.reduce((s, c) => s + Number(c.value), 0) / withValue.length : null)
    : answer.parent.value;
  // a county has no children: its panel gives way to the county's submissions
  $('children-card').hidden = children.length === 0;
  if (children.length) {
    childrenChart = childrenChart || echarts.init($('children-chart'));
    // the answer's order: the complete children ranked, then the partial ones apart, then those without a value
    const sorted = children;
    childrenChart.setOption({
      animationDuration: 300,
      grid: { left: 50, right: 20, top: 30, bottom: 70 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => withUnit(v, unit) },
      xAxis: { type: 'category', data: sorted.map((c) => c.regionName), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => formatNumber(v, unit) } },
      series: [{
        type: 'bar',
        data: sorted.map((c) => ({ value: c.value, code: c.region,
          itemStyle: { color: isPartial(c) ? '#9bb8d3' : '#2f6fad' } })),
        markLine: reference === null ? undefined : {
          symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' },
          label: { position: 'insideEndTop',
            formatter: (additive ? t('average') : answer.parent.regionName) + ' ' + formatNumber(reference, unit) },
          data: [{ yAxis: Number(reference) }]
        }
      }]
    }, true);
    childrenChart.off('click');
    if (canDrill) {
      childrenChart.on('click', (params) => goTo(params.data.code));
    }
  }
  const row = (c) => el('tr', { 'data-region': c.region, class: isPartial(c) ? 'partial' : null },
    el('td', {}, c.rank ?? '—'),
    el('td', {}, canDrill
      ? el('a', { href: '#', class: 'drill', 'data-region': c.region, onclick: (e) => { e.preventDefault(); goTo(c.region); } }, c.regionName)
      : c.regionName),
    el('td', { class: 'num', 'data-value': c.value ?? '' }, (isPartial(c) ? '≈ ' : '') + withUnit(c.value, unit)),
    el('td', { class: 'num' }, c.reportingUnits + '/' + c.expectedUnits
      + (c.withheldUnits ? ' (' + c.withheldUnits + ' ' + t('withheld') + ')' : '')
      + (c.incompleteUnits ? ' (' + c.incompleteUnits + ' ' + t('incomplete') + ')' : '')),
    el('td', { class: 'num' }, formatPercent(c.shareOfParent)),
    el('td', { class: 'num' }, c.yoyNote ? '—' : yoyText(c)));
  const partial = children.filter((c) => c.value !== null && isPartial(c));
  const rows = [
    ...children.filter((c) => c.rank !== null).map(row),
    ...(partial.length ? [el('tr', { class: 'apart' }, el('td', { colspan: 6 }, t('partialApart')))] : []),
    ...partial.map(row),
    ...children.filter((c) => c.value === null).map(row)];
  table($('children-table'), [t('rank'), t('region'), '#' + t('value'), '#' + t('coverage'), '#' + t('share'), '#' + t('yoy')], rows);
}

function renderTrend(trend) {
  trendChart = trendChart || echarts.init($('trend-chart'));
  const unit = trend.unit;
  trendChart.setOption({
    animationDuration: 300,
    grid: { left: 50, right: 20, top: 20, bottom: 30 },
    // a partial point says ≈ and its coverage, and is drawn hollow: 1 of 103 units is no provincial figure
    tooltip: { trigger: 'axis', formatter: (items) => items.map((item) => {
      const f = trend.figures[item.dataIndex];
      return f.period + (isCutShort(f) ? ' (' + t('cutOff') + periodName(f.cutOff) + ')' : '') + ': '
        + (isPartial(f) ? '≈ ' : '') + withUnit(f.value, unit) + (f.value === null ? '' : ' · ' + coverageText(f));
    }).join('<br>') },
    xAxis: { type: 'category', data: trend.figures.map((f) => (isPartial(f) ? '≈' : '') + f.period) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => formatNumber(v, unit) } },
    series: [{ type: 'line', connectNulls: false, symbolSize: 7,
      data: trend.figures.map((f) => ({ value: f.value, partial: isPartial(f),
        symbol: isPartial(f) ? 'emptyCircle' : 'circle',
        itemStyle: { color: isPartial(f) ? '#9bb8d3' : '#2f6fad' } })),
      lineStyle: { color: '#2f6fad' }, itemStyle: { color: '#2f6fad' } }]
  }, true);
}

/** Columns of the completeness board: each state of a unit, then timeliness; the same as the CSV export. */
const COMPLETENESS_COLUMNS = [
  ['expected', (c) => c.expected, ''], ['received', (c) => c.received, ''],
  ['partialUnits', (c) => c.partialUnits, 'warn'], ['heldUnits', (c) => c.heldUnits, 'warn'],
  ['returnedUnits', (c) => c.returnedUnits, 'bad'], ['missing', (c) => c.missing, 'bad'],
  ['onTime', (c) => c.onTime, ''], ['late', (c) => c.late, 'warn'],
  ['rate', (c) => formatPercent(c.reportingRate), ''], ['timelyRate', (c) => formatPercent(c.timelyRate), '']
];

/** The units to chase, state by state: who to ask for what. */
const CHASE_LISTS = ['missingUnits', 'heldReports', 'returnedReports', 'partialReports', 'lateUnits'];

function renderCompleteness(answer) {
  if (!answer) {
    $('completeness-summary').textContent = t('noForm');
    $('completeness-table').replaceChildren();
    $('completeness-units').replaceChildren();
    return;
  }
  const several = answer.periods.length > 1;
  $('completeness-summary').textContent = answer.regionName + ': ' + answer.received + '/' + answer.expected + ' '
    + t('units') + ' · ' + t('rate') + ' ' + formatPercent(answer.reportingRate)
    + ' · ' + t('timelyRate') + ' ' + formatPercent(answer.timelyRate)
    + ' · ' + (several ? answer.periods[0] + '–' + answer.periods[answer.periods.length - 1] + ' ' : '')
    + t('dueDate') + ' ' + answer.dueDate;
  const rows = answer.children.map((c) => el('tr', {},
    el('td', {}, c.regionName),
    ...COMPLETENESS_COLUMNS.map(([, value, flag]) => el('td', { class: flag && Number(value(c)) ? 'num ' + flag : 'num' }, value(c)))));
  table($('completeness-table'), [t('region'), ...COMPLETENESS_COLUMNS.map(([key]) => '#' + t(key))], rows);
  $('completeness-table').hidden = rows.length === 0;
  // for a year of a quarterly form, the quarters that put each unit in its state
  const name = (unit) => unit.name + (several && unit.periods ? '（' + unit.periods.join('、') + '）' : '')
    + (unit.daysLate ? '（' + (several ? unit.period + ' ' : '') + unit.daysLate + t('days') + '）' : '');
  const names = (units) => (units.length ? units.map(name).join('、') : t('none'));
  $('completeness-units').replaceChildren(...CHASE_LISTS.map((list) =>
    el('p', { 'data-list': list }, el('strong', {}, t(list) + ' (' + answer[list].length + '): '), names(answer[list]))));
}

/** A value of a source: another form's value the figure does not use is dimmed, one that conflicts is marked. */
function sourceValue(v) {
  const text = v.indicator + (v.kind === 'target' ? ' (' + t('target') + ')' : '') + ' = '
    + (v.status === 'reported' ? formatNumber(v.value, '') : v.status);
  return el('span', v.used ? {} : { class: 'muted', title: t('notUsed') }, text,
    v.conflict ? el('span', { class: 'badge conflict' }, t('conflict')) : '');
}

function renderSources(lineage) {
  $('county-panel').hidden = !lineage;
  if (!lineage) {
    return;
  }
  const rows = lineage.sources.map((s) => el('tr', {},
    el('td', { class: 'mono' }, s.dataset + ' ' + s.period),
    el('td', { class: 'num' }, 'v' + s.version),
    el('td', {}, el('span', { class: 'badge review-' + s.reviewStatus }, t('review_' + s.reviewStatus))),
    el('td', {}, new Date(s.submittedAt).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en')),
    el('td', {}, ...s.values.flatMap((v, i) => [i ? '; ' : '', sourceValue(v)]))));
  table($('sources-table'), [t('submission'), '#' + t('version'), t('review'), t('submittedAt'), t('values')], rows);
}

// ---- loading ----------------------------------------------------------------------------------

async function loadPath(code) {
  const path = [];
  let region = await getJson('/api/v1/regions/' + code);
  path.unshift({ code: region.code, name: region.name, level: region.level });
  while (region.parent) {
    region = await getJson('/api/v1/regions/' + region.parent.code);
    path.unshift({ code: region.code, name: region.name, level: region.level });
  }
  state.path = path;
}

/** Every panel of the current selection, read again; the live stream calls this too. */
async function refresh() {
  const indicator = state.indicator.code;
  const common = { region: state.region, status: state.basis };
  const form = formOf(state.indicator);
  const level = state.path[state.path.length - 1].level;
  const years = state.period.slice(0, 4);
  const [figure, children, trend, completeness, lineage] = await Promise.all([
    getJson(`/api/v1/aggregates/${indicator}?` + query({ ...common, period: state.period })),
    getJson(`/api/v1/aggregates/${indicator}/children?` + query({ ...common, period: state.period })),
    getJson(`/api/v1/aggregates/${indicator}/trend?` + query({ ...common, ...trendRange(years) })),
    form ? getJson('/api/v1/completeness?' + query({ dataset: form.code, period: state.period, region: state.region })) : null,
    level === 'COUNTY' ? getJson(`/api/v1/aggregates/${indicator}/sources?` + query({ ...common, period: state.period })) : null
  ]);
  renderFigure(figure);
  renderChildren(children);
  renderTrend(trend);
  renderCompleteness(completeness);
  renderSources(lineage);
  $('last-update').textContent = t('updated') + ' ' + new Date().toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en');
  document.body.dataset.loaded = String(Date.now());
}

/** The newest period with a provincial figure, so that the page opens on data rather than on an empty year. */
async function latestReportedPeriod(indicator) {
  const periodType = formOf(indicator)?.periodType;
  // a trend runs over periods of one type: the form's own
  const periods = periodsFor(periodType).filter((p) => periodType !== 'QUARTERLY' || /Q\d$/.test(p));
  const trend = await getJson(`/api/v1/aggregates/${indicator.code}/trend?`
    + query({ region: PROVINCE, from: periods[periods.length - 1], to: periods[0] }));
  const reported = trend.figures.filter((f) => f.value !== null);
  return reported.length ? reported[reported.length - 1].period : periods[0];
}

/** The trend runs over the years up to the chosen one, in the chosen period's type. */
function trendRange(year) {
  const quarterly = /Q\d$/.test(state.period);
  const first = Number(year) - TREND_YEARS + 1;
  return quarterly ? { from: first + 'Q1', to: state.period } : { from: String(first), to: state.period };
}

function writeHash() {
  const hash = query({ indicator: state.indicator.code, region: state.region, period: state.period, basis: state.basis });
  history.replaceState(null, '', '#' + hash);
}

async function goTo(region) {
  state.region = region;
  await loadPath(region);
  renderBreadcrumb();
  await selectionChanged();
}

async function selectionChanged() {
  writeHash();
  openStream();
  await refresh();
}

// ---- live updates -----------------------------------------------------------------------------

/**
 * One stream per selection, scoped to the region and indicator shown: every change within the region may move the
 * figure, its children, the trend and the ranking. EventSource reconnects on its own with Last-Event-ID.
 */
function openStream() {
  if (state.stream) {
    state.stream.close();
  }
  setLive('connecting');
  const source = new EventSource('/api/v1/stream?' + query({ region: state.region, indicator: state.indicator.code }));
  // read again once connected: a change committed between the first reads and the stream's start is not missed
  source.onopen = () => { setLive('open'); scheduleRefresh(); };
  source.onerror = () => setLive('closed');
  source.addEventListener('aggregate', scheduleRefresh);
  source.addEventListener('reset', scheduleRefresh);
  state.stream = source;
}

function setLive(live) {
  $('live-status').dataset.state = live;
  $('live-status').textContent = t('live.' + live);
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refresh().catch(showError), REFRESH_DELAY_MS);
}

function showError(error) {
  $('last-update').textContent = String(error.message || error);
}

// ---- export -----------------------------------------------------------------------------------

function exportUrl(type) {
  const indicator = state.indicator.code;
  if (type === 'children' || type === 'sources') {
    return '/api/v1/export?' + query({ type, indicator, region: state.region, period: state.period, status: state.basis });
  }
  if (type === 'trend') {
    return '/api/v1/export?' + query({ type, indicator, region: state.region, status: state.basis, ...trendRange(state.period.slice(0, 4)) });
  }
  const form = formOf(state.indicator);
  return form ? '/api/v1/export?' + query({ type, dataset: form.code, region: state.region, period: state.period }) : null;
}

function download(type) {
  const url = exportUrl(type);
  if (url) {
    const link = el('a', { href: url, download: '' });
    document.body.append(link);
    link.click();
    link.remove();
  }
}

// ---- start ------------------------------------------------------------------------------------

async function start() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.indicators = await getJson('/api/v1/indicators');
  const domains = [...new Set(state.indicators.map((i) => i.domain))];
  $('domain').replaceChildren(el('option', { value: '' }, '—'), ...domains.map((d) => el('option', { value: d }, d)));
  state.indicator = state.indicators.find((i) => i.code === params.get('indicator'))
    || state.indicators.find((i) => i.code === 'edu_school_count') || state.indicators[0];
  state.region = params.get('region') || PROVINCE;
  state.basis = params.get('basis') || 'received';
  state.period = params.get('period') || await latestReportedPeriod(state.indicator);
  $('basis').value = state.basis;
  applyLanguage();
  renderIndicatorPicker();
  renderPeriodPicker();

  $('domain').addEventListener('change', renderIndicatorPicker);
  $('indicator-search').addEventListener('input', renderIndicatorPicker);
  $('indicator').addEventListener('change', async () => {
    state.indicator = state.indicators.find((i) => i.code === $('indicator').value);
    if (!periodsFor(formOf(state.indicator)?.periodType).includes(state.period)) {
      state.period = await latestReportedPeriod(state.indicator);
    }
    renderPeriodPicker();
    selectionChanged().catch(showError);
  });
  $('period').addEventListener('change', () => { state.period = $('period').value; selectionChanged().catch(showError); });
  $('basis').addEventListener('change', () => { state.basis = $('basis').value; selectionChanged().catch(showError); });
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('dashboard.lang', state.lang);
    applyLanguage();
    renderIndicatorPicker();
    refresh().catch(showError);
  });
  document.querySelectorAll('[data-export]').forEach((button) =>
    button.addEventListener('click', () => download(button.dataset.export)));
  window.addEventListener('resize', () => { childrenChart?.resize(); trendChart?.resize(); });

  await goTo(state.region);
}

document.addEventListener('DOMContentLoaded', () => start().catch(showError));
