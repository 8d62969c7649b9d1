/*
 * 服务站验收进度: share of village stations up to standard per township against the quarter's
 * target. The figures come from data-progress on #progressChart (no inline script: strict CSP);
 * the same numbers are in the table beside the chart.
 */
(function () {
  'use strict';
  var element = document.getElementById('progressChart');
  if (!element || !window.echarts) {
    return;
  }
  var rows;
  try {
    rows = JSON.parse(element.getAttribute('data-progress') || '[]');
  } catch (e) {
    rows = [];
  }
  if (!rows.length) {
    return;
  }
  var chart = window.echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['达标占比（%）', '目标（%）'] },
    xAxis: { type: 'category', data: rows.map(function (r) { return r.label; }) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      { name: '达标占比（%）', type: 'bar', data: rows.map(function (r) { return r.share; }) },
      { name: '目标（%）', type: 'line', data: rows.map(function (r) { return r.target; }) }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
