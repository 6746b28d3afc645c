// Draws the page's charts from the JSON the server put in the page (see Charts.java), and follows a running job.
(function () {
  'use strict';
  var green = ['#2e7d32', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e'];

  function axisValue(unit) {
    return { type: 'value', name: unit, nameTextStyle: { align: 'left' }, axisLabel: { formatter: function (v) { return v.toLocaleString('zh-CN'); } } };
  }

  var builders = {
    treemap: function (c) {
      return {
        color: green,
        tooltip: { formatter: function (p) { return p.treePathInfo.map(function (n) { return n.name; }).filter(Boolean).join(' › ') + '<br>' + p.value.toFixed(2) + ' ' + c.unit; } },
        series: [{ type: 'treemap', top: 8, bottom: 8, left: 8, right: 8, roam: false, nodeClick: false, breadcrumb: { show: false }, leafDepth: 2,
          label: { formatter: '{b}' }, upperLabel: { show: true, height: 22 },
          levels: [{ itemStyle: { borderWidth: 3, gapWidth: 3 } }, { colorSaturation: [0.35, 0.6], itemStyle: { gapWidth: 1 } }],
          data: c.nodes.map(function (n) { return { name: n.name, value: Number(n.value), children: n.children.map(function (i) { return { name: i.name, value: Number(i.value) }; }) }; }) }]
      };
    },
    bars: function (c) {
      return {
        color: green, grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return Number(v).toFixed(2) + ' ' + c.unit; } },
        xAxis: { type: 'category', data: c.names, axisLabel: { interval: 0, rotate: c.names.length > 8 ? 40 : 0 } },
        yAxis: axisValue(c.unit),
        series: [{ type: 'bar', data: c.values.map(Number), label: { show: c.names.length <= 12, position: 'top', formatter: function (p) { return p.value.toFixed(2); } } }]
      };
    },
    lines: function (c) {
      var names = Object.keys(c.lines);
      return {
        color: green, legend: { top: 0 }, grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : Number(v).toFixed(2) + ' ' + c.unit; } },
        xAxis: { type: 'category', data: c.x.map(String), boundaryGap: false },
        yAxis: axisValue(c.unit),
        series: names.map(function (name, i) {
          return { name: name, type: 'line', symbolSize: 8, connectNulls: false, data: c.lines[name].map(function (v) { return v == null ? null : Number(v); }),
            markPoint: i === 0 && c.flagged.length ? { symbol: 'pin', itemStyle: { color: '#c62828' },
              data: c.flagged.map(function (year) { var k = c.x.indexOf(year); return { coord: [String(year), Number(c.lines[name][k])], value: '!' }; }) } : undefined };
        })
      };
    },
    candles: function (c) {
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
        axisPointer: { link: [{ xAxisIndex: 'all' }] },
        grid: [{ left: 8, right: 24, top: 24, height: '58%', containLabel: true }, { left: 8, right: 24, top: '74%', height: '18%', containLabel: true }],
        xAxis: [{ type: 'category', data: c.days, boundaryGap: true }, { type: 'category', gridIndex: 1, data: c.days, axisLabel: { show: false } }],
        yAxis: [{ scale: true, name: c.unit }, { gridIndex: 1, name: c.volumeName, splitNumber: 2 }],
        series: [
          // Chinese markets draw a rise red and a fall green
          { type: 'candlestick', name: c.unit, data: c.ohlc.map(function (d) { return d.map(Number); }),
            itemStyle: { color: '#c62828', color0: '#2e7d32', borderColor: '#c62828', borderColor0: '#2e7d32' } },
          { type: 'bar', name: c.volumeName, xAxisIndex: 1, yAxisIndex: 1, data: c.volume.map(Number), itemStyle: { color: '#90a4ae' } }
        ]
      };
    }
  };

  function draw(element) {
    var spec = JSON.parse(document.getElementById(element.dataset.chart).textContent);
    var chart = echarts.init(element, null, { locale: document.documentElement.lang === 'en' ? 'EN' : 'ZH' });
    chart.setOption(builders[spec.kind](spec));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function follow(job) {
    var bar = document.getElementById('job-bar');
    function set(id, value) { document.getElementById(id).textContent = value; }
    function ask() {
      fetch('/jobs/' + job.dataset.job + '/progress', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (p) {
          bar.style.width = p.percent + '%';
          bar.setAttribute('aria-valuenow', p.percent);
          set('job-percent', p.percent); set('job-done', p.done); set('job-total', p.total); set('job-failed', p.failed);
          set('job-rate', p.rate); set('job-status', p.status);
          var rows = document.querySelector('#job-failures tbody');
          rows.innerHTML = '';
          p.failures.forEach(function (f) {
            var tr = document.createElement('tr');
            [f.seq, f.regionCode, f.year, f.reasons.join('; ')].forEach(function (v) { var td = document.createElement('td'); td.textContent = v == null ? '' : v; tr.appendChild(td); });
            rows.appendChild(tr);
          });
          if (p.finished) { job.dataset.finished = 'true'; } else { setTimeout(ask, 1000); }
        })
        .catch(function () { setTimeout(ask, 3000); });
    }
    ask();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.chart[data-chart]').forEach(draw);
    var job = document.getElementById('job');
    if (job && job.dataset.finished !== 'true') { follow(job); }
  });
})();
