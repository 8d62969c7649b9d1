/*
 * 统计报表: the three charts (trend by month, breakdown by area, programme mix). The numbers come
 * from the page as data attributes (data-chart), each chart has a table of the same numbers next to
 * it; no inline script (the Content Security Policy allows scripts from the app's origin only).
 */
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  function data(id) {
    var element = document.getElementById(id);
    if (!element) {
      return null;
    }
    try {
      return { element: element, value: JSON.parse(element.getAttribute('data-chart') || 'null') };
    } catch (e) {
      return null;
    }
  }
  var trend = data('trendChart');
  if (trend && trend.value) {
    window.echarts.init(trend.element).setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: trend.value.series.map(function (s) { return s.name; }) },
      xAxis: { type: 'category', data: trend.value.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: trend.value.series.map(function (s) {
        return { name: s.name, type: 'line', data: s.data };
      })
    });
  }
  var area = data('areaChart');
  if (area && area.value && area.value.length) {
    var names = area.value.map(function (a) { return a.name; });
    var keys = [['hardship', '困难帮扶'], ['condolence', '关怀慰问'], ['legalAid', '法律援助'], ['petitions', '信访']];
    window.echarts.init(area.element).setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: keys.map(function (k) { return k[1]; }) },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names },
      series: keys.map(function (k) {
        return {
          name: k[1], type: 'bar', stack: 'all',
          data: area.value.map(function (a) { return a[k[0]]; })
        };
      })
    });
  }
  var mix = data('mixChart');
  if (mix && mix.value) {
    window.echarts.init(mix.element).setOption({
      tooltip: { trigger: 'item' },
      legend: { orient: 'vertical', left: 'left' },
      series: [{ name: '受理件数', type: 'pie', radius: '60%', data: mix.value }]
    });
  }
})();
