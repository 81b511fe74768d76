// Shared by the offline HTML report and the server-side renderer: the same option gives the same chart in both.
// Options travel as JSON, which cannot carry functions; the number formatters are attached here instead.
var xingcunCharts = (function () {
  'use strict';

  function trimZeros(text) {
    return text.indexOf('.') < 0 ? text : text.replace(/\.?0+$/, '');
  }

  function groupThousands(value, fractionDigits) {
    var parts = Math.abs(value).toFixed(fractionDigits).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (value < 0 ? '-' : '') + trimZeros(parts.join('.'));
  }

  // Chinese style: 1.05亿, 105万, 2,695; English: 105,000,000 as 105M, 2,695.
  function formatNumber(value, language) {
    if (value === null || value === undefined || value === '' || isNaN(value)) {
      return '';
    }
    var number = Number(value);
    var magnitude = Math.abs(number);
    if (language === 'zh') {
      if (magnitude >= 1e8) return trimZeros((number / 1e8).toFixed(2)) + '亿';
      if (magnitude >= 1e4) return trimZeros((number / 1e4).toFixed(2)) + '万';
    } else {
      if (magnitude >= 1e9) return trimZeros((number / 1e9).toFixed(2)) + 'B';
      if (magnitude >= 1e6) return trimZeros((number / 1e6).toFixed(2)) + 'M';
    }
    return groupThousands(number, magnitude < 10 && number % 1 !== 0 ? 2 : 1);
  }

  function valueOf(params) {
    var value = params.value;
    if (Array.isArray(value)) {
      return value[value.length - 1];
    }
    return value;
  }

  function each(items, action) {
    if (!items) return;
    (Array.isArray(items) ? items : [items]).forEach(action);
  }

  // Walks an option made by ChartOptions and attaches formatters where it asks for numbers in the language's style.
  function style(option) {
    var language = option.xingcunLanguage || 'zh';
    var format = function (value) { return formatNumber(value, language); };
    delete option.xingcunLanguage;
    option.animation = false;
    each(option.yAxis, function (axis) {
      if (axis.type === 'value') { axis.axisLabel = Object.assign({}, axis.axisLabel, {formatter: format}); }
    });
    each(option.xAxis, function (axis) {
      if (axis.type === 'value') { axis.axisLabel = Object.assign({}, axis.axisLabel, {formatter: format}); }
    });
    if (option.tooltip) { option.tooltip.valueFormatter = format; }
    each(option.visualMap, function (map) { map.formatter = format; });
    each(option.series, function (series) {
      if (series.label && series.label.show && !series.label.formatter) {
        var withName = series.type === 'pie' || series.type === 'funnel' || series.type === 'treemap' || series.type === 'sunburst';
        series.label.formatter = function (params) {
          var number = format(valueOf(params));
          return withName ? params.name + '\n' + number : number;
        };
      }
      if (series.type === 'gauge' && series.detail) {
        // a gauge out of 100 is a percentage; ChartOptions' big-number card is a gauge without a scale
        series.detail.formatter = series.max === 100
          ? function (value) { return trimZeros(Number(value).toFixed(1)) + '%'; }
          : format;
      }
    });
    return option;
  }

  return {formatNumber: formatNumber, style: style};
})();
