/*
 * 督办看板: the township chart. The counts come from the page as a data attribute
 * (data-counts on #townshipChart), so no inline script is needed: the Content Security Policy
 * allows scripts from the app's own origin only.
 */
(function () {
  'use strict';
  var element = document.getElementById('townshipChart');
  if (!element || !window.echarts) {
    return;
  }
  var counts;
  try {
    counts = JSON.parse(element.getAttribute('data-counts') || '[]');
  } catch (e) {
    counts = [];
  }
  if (!counts.length) {
    return;
  }
  var chart = window.echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['在办', '即将到期', '已超期'] },
    xAxis: { type: 'category', data: counts.map(function (c) { return c.label; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '在办', type: 'bar', data: counts.map(function (c) { return c.open; }) },
      {
        name: '即将到期',
        type: 'bar',
        data: counts.map(function (c) { return c.dueSoon; }),
        itemStyle: { color: '#f0a020' }
      },
      {
        name: '已超期',
        type: 'bar',
        data: counts.map(function (c) { return c.breached; }),
        itemStyle: { color: '#c62828' }
      }
    ]
  });
})();
