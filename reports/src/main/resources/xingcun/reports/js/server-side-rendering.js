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
    var option = xingcunCharts.style(JSON.parse(optionJson));
    // a picture has no pointer to show a tooltip for: the same SVG, drawn without building the tooltip component
    // (the page's interactive charts keep theirs, from the same option)
    delete option.tooltip;
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
