// PlayerDesk insight charts: draws every [data-chart] element with Apache ECharts (served from the
// project's own webjar), as SVG so that charts print crisply. The server writes each chart's JSON
// (org.playerdesk.insight.chart.Chart) with every word already in the reader's language; this
// script adds no words of its own, only ECharts' built-in ones (its toolbox and aria texts), in
// the page's language. Charts follow the window's width, and fit an A4 page when printed.
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return;
    }
    // ECharts' SVG renderer writes its text's font as a style attribute, which the site's
    // Content-Security-Policy (style-src 'self') refuses; the same declarations set through the
    // element's style object are allowed. Only an SVG element's style attribute is redirected:
    // nothing else on the page is touched.
    var setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name, value) {
        if (name === 'style' && this instanceof SVGElement) {
            this.style.cssText = value;
            return;
        }
        setAttribute.call(this, name, value);
    };
    var lang = (document.documentElement.getAttribute('lang') || 'zh-CN').toLowerCase();
    var locale = lang.indexOf('en') === 0 ? 'EN' : 'ZH';
    var drawn = [];
    // this period's lines are solid; the previous period's dashed, in the same colour
    var colours = ['#0d6efd', '#fd7e14', '#198754', '#6f42c1', '#d63384', '#20c997'];

    var base = function (spec) {
        return {
            animation: false,
            aria: { enabled: true },
            title: { text: spec.title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
            tooltip: { trigger: spec.kind === 'line' || spec.kind === 'bar' ? 'axis' : 'item', confine: true }
        };
    };

    var line = function (spec) {
        var option = base(spec);
        var current = (spec.series || []).filter(function (s) { return !s.previous; }).length;
        option.legend = { bottom: 0, type: 'scroll' };
        option.grid = { left: 8, right: 40, top: 48, bottom: 40, containLabel: true };
        option.xAxis = { type: 'category', name: spec.xAxis, nameLocation: 'middle', nameGap: 28,
            data: spec.categories, boundaryGap: false };
        option.yAxis = { type: 'value', name: spec.yAxis, minInterval: 1 };
        option.series = (spec.series || []).map(function (s, i) {
            var colour = colours[(s.previous ? i - current : i) % colours.length];
            return {
                type: 'line', name: s.name, data: s.values, connectNulls: false, showSymbol: true,
                itemStyle: { color: colour },
                lineStyle: { color: colour, type: s.previous ? 'dashed' : 'solid', width: s.previous ? 1.5 : 2.5,
                    opacity: s.previous ? 0.7 : 1 },
                z: s.previous ? 1 : 2
            };
        });
        return option;
    };

    var bar = function (spec) {
        var option = base(spec);
        var categories = { type: 'category', name: spec.xAxis, data: spec.categories, inverse: !!spec.horizontal };
        var values = { type: 'value', name: spec.yAxis, minInterval: 1 };
        option.legend = { bottom: 0, type: 'scroll', show: (spec.series || []).length > 1 };
        option.grid = { left: 8, right: 24, top: 48, bottom: 40, containLabel: true };
        option.xAxis = spec.horizontal ? values : categories;
        option.yAxis = spec.horizontal ? categories : values;
        option.series = (spec.series || []).map(function (s, i) {
            // the parts of a whole (the backlog's ages) stack on each other; other series stand side by side
            return { type: 'bar', name: s.name, data: s.values, stack: spec.stacked ? 'all' : undefined,
                itemStyle: { color: colours[i % colours.length] } };
        });
        return option;
    };

    var heatmap = function (spec) {
        var option = base(spec);
        var columns = spec.categories.length;
        var values = spec.series[0].values;
        var cells = values.map(function (v, i) { return [i % columns, Math.floor(i / columns), v]; });
        var max = values.reduce(function (m, v) { return Math.max(m, v || 0); }, 0);
        option.grid = { left: 8, right: 16, top: 48, bottom: 56, containLabel: true };
        option.xAxis = { type: 'category', name: spec.xAxis, data: spec.categories, splitArea: { show: true } };
        option.yAxis = { type: 'category', name: spec.yAxis, data: spec.rows, inverse: true, splitArea: { show: true } };
        option.visualMap = { min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center',
            bottom: 0, itemHeight: 120, inRange: { color: ['#f8f9fa', '#9ec5fe', '#0d6efd', '#052c65'] } };
        option.series = [{ type: 'heatmap', name: spec.series[0].name, data: cells, emphasis: { itemStyle: { borderColor: '#000' } } }];
        return option;
    };

    var gauge = function (spec) {
        var option = base(spec);
        var share = spec.series[0].values[0];
        var target = spec.target;
        option.series = [{
            type: 'gauge', name: spec.series[0].name, min: 0, max: 100, startAngle: 200, endAngle: -20,
            radius: '85%', center: ['50%', '62%'],
            progress: { show: true, width: 14, itemStyle: { color: share !== null && share >= target ? '#198754' : '#dc3545' } },
            // the dial is red below the target and green from it on: the target is where the colour turns
            axisLine: { lineStyle: { width: 14, color: [[target, '#f8d7da'], [1, '#d1e7dd']] } },
            axisTick: { show: false },
            splitLine: { length: 8 },
            axisLabel: { distance: 18, formatter: '{value}%' },
            pointer: { show: false },
            title: { show: true, offsetCenter: [0, '30%'], fontSize: 12 },
            detail: { valueAnimation: false, offsetCenter: [0, 0], fontSize: 24, formatter: function (v) {
                return v === null || isNaN(v) ? '—' : v.toFixed(1) + '%';
            } },
            data: [{ value: share === null ? null : share * 100, name: spec.categories[0] + ' ' + (target * 100).toFixed(0) + '%' }]
        }];
        return option;
    };

    var options = { line: line, bar: bar, heatmap: heatmap, gauge: gauge };

    document.querySelectorAll('[data-chart]').forEach(function (element) {
        var spec;
        try {
            spec = JSON.parse(element.getAttribute('data-chart'));
        } catch (e) {
            return;
        }
        var make = options[spec.kind];
        if (!make) {
            return;
        }
        var chart = echarts.init(element, null, { renderer: 'svg', locale: locale });
        chart.setOption(make(spec));
        drawn.push(chart);
    });
    if (drawn.length === 0) {
        return;
    }

    var resize = function () {
        drawn.forEach(function (chart) { chart.resize(); });
    };
    var pending = null;
    window.addEventListener('resize', function () {
        if (pending !== null) {
            window.cancelAnimationFrame(pending);
        }
        pending = window.requestAnimationFrame(function () {
            pending = null;
            resize();
        });
    });

    // printing: every table shown, every chart as wide as an A4 page's text (about 180 mm)
    var closed = [];
    window.addEventListener('beforeprint', function () {
        document.querySelectorAll('details.insight-table:not([open])').forEach(function (details) {
            closed.push(details);
            details.open = true;
        });
        drawn.forEach(function (chart) { chart.resize({ width: 680 }); });
    });
    window.addEventListener('afterprint', function () {
        closed.forEach(function (details) { details.open = false; });
        closed = [];
        resize();
    });
}());
