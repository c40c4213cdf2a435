// Caravan's dashboard charts. A chart is an element with data-kind and its data as JSON in data-chart;
// charts are drawn when the page loads and again whenever htmx swaps new content in.
(function () {
  "use strict";

  var world = null;       // the world map's GeoJSON, fetched once
  var names = {};         // ISO code -> country name, from the map
  var labels = {};        // ISO code -> [lon, lat] where lanes start and end

  function pct(v) { return (v * 100).toFixed(2) + "%"; }

  // From pale green through yellow and orange to dark red, for a share t in [0, 1] of the highest value.
  var RAMP = [[232, 241, 228], [246, 215, 107], [232, 132, 58], [179, 18, 30]];
  function shade(t) {
    var x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1), i = Math.min(Math.floor(x), RAMP.length - 2), f = x - i;
    var c = RAMP[i].map(function (v, k) { return Math.round(v + (RAMP[i + 1][k] - v) * f); });
    return "rgb(" + c.join(",") + ")";
  }

  function loadWorld() {
    if (world) { return Promise.resolve(world); }
    return fetch("/data/world-110m.json").then(function (r) { return r.json(); }).then(function (geo) {
      geo.features.forEach(function (f) {
        names[f.properties.iso] = f.properties.name;
        labels[f.properties.iso] = f.properties.label;
      });
      echarts.registerMap("world", geo);
      world = geo;
      return geo;
    });
  }

  var draw = {
    trend: function (chart, d) {
      var series = Object.keys(d.series).map(function (name) {
        return { name: name, type: "line", showSymbol: false, data: d.series[name] };
      });
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", valueFormatter: pct },
        legend: { top: 0, type: "scroll" },
        grid: { left: 50, right: 16, top: 34, bottom: 50 },
        xAxis: { type: "category", data: d.days },
        yAxis: { type: "value", axisLabel: { formatter: function (v) { return (v * 100).toFixed(0) + "%"; } } },
        dataZoom: [{ type: "slider", height: 16, bottom: 8 }],
        series: series
      });
    },

    map: function (chart, d, el) {
      loadWorld().then(function () {
        // Colours are set per country here rather than by a visualMap: a country without orders stays grey.
        var max = d.countries.reduce(function (m, c) { return Math.max(m, c.value); }, 0.0001);
        var byIso = {};
        var regions = d.countries.map(function (c) {
          byIso[c.name] = c;
          return { name: c.name, itemStyle: { areaColor: shade(c.value / max) } };
        });
        var lanes = d.lanes.map(function (l) {
          var a = labels[l.from] || l.fromPoint, b = labels[l.to] || l.toPoint;
          return a && b ? { name: l.from + " → " + l.to, coords: [a, b], value: l.value, orders: l.orders } : null;
        }).filter(Boolean);
        el.setAttribute("data-scale", "0% to " + pct(max));
        var legend = el.parentNode.querySelector(".map-scale-max");
        if (legend) { legend.textContent = pct(max); }
        chart.setOption({
          animation: false,
          tooltip: {
            trigger: "item",
            formatter: function (p) {
              if (p.seriesType === "lines") {
                return p.name + "<br>" + d.title + ": " + pct(p.value) + " (" + p.data.orders + " orders)";
              }
              var c = byIso[p.name], label = names[p.name] || p.name;
              return c ? label + "<br>" + d.title + ": " + pct(c.value) + " (" + c.orders + " orders)"
                       : label + "<br>no orders to it in these days";
            }
          },
          geo: { map: "world", nameProperty: "iso", roam: true, zoom: 1.15, regions: regions, tooltip: { show: true },
                 itemStyle: { areaColor: "#e9ecf0", borderColor: "#9aa4b1", borderWidth: 0.5 },
                 emphasis: { label: { show: false }, itemStyle: { areaColor: "#ffe08a" } } },
          series: [
            { type: "lines", coordinateSystem: "geo", data: lanes, zlevel: 1,
              lineStyle: { color: "#14202e", width: 2, opacity: 0.75, curveness: 0.25 },
              symbol: ["none", "arrow"], symbolSize: 8 }
          ]
        });
        chart.off("click");
        chart.on("click", function (p) {
          if (p.componentType === "geo" && byIso[p.name]) {
            window.location.href = "/orders?ship_to=" + encodeURIComponent(p.name);
          }
        });
      });
    },

    bars: function (chart, d) {
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 90, right: 16, top: 30, bottom: 24 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: d.categories },
        series: d.series.map(function (s) { return { name: s.name, type: "bar", stack: "all", data: s.data }; })
      });
    },

    // Probability of each whole day of delay, per leg and for the whole route (legs convolved, shocks mixed in).
    delays: function (chart, d) {
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", valueFormatter: pct },
        legend: { top: 0, type: "scroll" },
        grid: { left: 50, right: 16, top: 34, bottom: 40 },
        xAxis: { type: "category", data: d.days, name: "days late", nameLocation: "middle", nameGap: 26 },
        yAxis: { type: "value", axisLabel: { formatter: function (v) { return (v * 100).toFixed(0) + "%"; } } },
        series: d.series.map(function (s, i) {
          return i === d.series.length - 1
            ? { name: s.name, type: "line", data: s.data, lineStyle: { width: 3 }, symbolSize: 5, z: 3 }
            : { name: s.name, type: "bar", data: s.data, barGap: 0 };
        })
      });
    },

    history: function (chart, d) {
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", valueFormatter: pct },
        legend: { top: 0, type: "scroll" },
        grid: { left: 50, right: 16, top: 34, bottom: 30 },
        xAxis: { type: "time" },
        yAxis: { type: "value", axisLabel: { formatter: function (v) { return (v * 100).toFixed(0) + "%"; } } },
        series: Object.keys(d.series).map(function (name) {
          return { name: name, type: "line", step: "end", showSymbol: true, symbolSize: 5, data: d.series[name] };
        })
      });
    }
  };

  function render(root) {
    root.querySelectorAll("[data-kind][data-chart]").forEach(function (el) {
      var old = echarts.getInstanceByDom(el);
      if (old) { old.dispose(); }
      var chart = echarts.init(el, null, { renderer: "canvas" });
      draw[el.dataset.kind](chart, JSON.parse(el.dataset.chart), el);
    });
  }

  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-kind][data-chart]").forEach(function (el) {
      var c = echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });
  function cookie(name) {
    var m = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return m ? decodeURIComponent(m[1]) : "";
  }

  function megabytes(n) { return (n / 1048576).toFixed(1) + " MB"; }

  // The import form sends the file itself as the request body, so the server stores it batch by batch as it
  // arrives, and shows the upload's progress; the answer names the report to go to.
  function importer() {
    var form = document.getElementById("import-form");
    if (!form) { return; }
    form.addEventListener("submit", function (ev) {
      var file = form.elements.file.files[0];
      if (!file) { return; }
      ev.preventDefault();
      var box = document.getElementById("import-progress"), bar = document.getElementById("upload-bar"),
          status = document.getElementById("upload-status"), button = form.querySelector("button[type=submit]");
      box.hidden = false;
      button.disabled = true;
      bar.value = 0;
      status.textContent = "Sending " + file.name + " (" + megabytes(file.size) + ")…";
      var query = new URLSearchParams({ name: file.name, format: form.elements.format.value, type: form.elements.type.value });
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") + "?" + query.toString());
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.setRequestHeader("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(100 * e.loaded / e.total);
          status.textContent = "Sent " + megabytes(e.loaded) + " of " + megabytes(e.total) + " (" + bar.value + "%); records are stored as they arrive.";
        }
      };
      xhr.upload.onload = function () { bar.value = 100; status.textContent = "Sent; storing the last records…"; };
      xhr.onload = function () {
        var answer = {};
        try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = {}; }
        if (xhr.status === 200 && answer.report) {
          window.location.href = answer.report;
          return;
        }
        button.disabled = false;
        status.textContent = "Not imported: " + (answer.detail || ("the server answered " + xhr.status));
        status.className = "error";
      };
      xhr.onerror = function () {
        button.disabled = false;
        status.textContent = "The upload broke off. Whatever arrived before the break is stored (see Recent imports once the page is"
          + " reloaded); send the file again and only the rest is added.";
        status.className = "error";
      };
      xhr.send(file);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { render(document); importer(); });
  document.addEventListener("htmx:afterSwap", function (e) { render(e.detail.elt.parentNode || document); });
})();
