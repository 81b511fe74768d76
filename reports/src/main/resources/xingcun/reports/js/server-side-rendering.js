// Runs in GraalJS before echarts.min.js: a browser-less ECharts needs timers to exist, never to fire
// (animation is off, so nothing waits on them).
var setTimeout = function () { return 0; };
var clearTimeout = function () {};
var setInterval = function () { return 0; };
var clearInterval = function () {};
var console = {log: function () {}, warn: function () {}, error: function () {}};

function renderSvg(optionJson, width, height) {
  var chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height});
  try {
    chart.setOption(xingcunCharts.style(JSON.parse(optionJson)));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
