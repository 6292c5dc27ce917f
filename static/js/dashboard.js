// Draws the dashboard's charts with Apache ECharts from the same figures as the tables beside them.
(function () {
  "use strict";
  if (!window.echarts) { return; }  // the tables carry every number; charts are an aid
  var charts = document.querySelectorAll("[data-chart]");
  charts.forEach(function (element) {
    var table = document.getElementById(element.getAttribute("data-chart") + "-table");
    if (!table) { return; }
    var labels = [], values = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var head = row.querySelector("th"), cell = row.querySelector("td.num");
      if (head && cell) { labels.push(head.textContent.trim()); values.push(Number(cell.getAttribute("data-value"))); }
    });
    if (!labels.length) { return; }
    var weekly = element.getAttribute("data-chart") === "intake_per_week";
    var chart = window.echarts.init(element, null, {renderer: "svg"});
    chart.setOption({
      grid: {left: 8, right: 8, top: 16, bottom: 8, containLabel: true},
      tooltip: {trigger: "axis"},
      xAxis: weekly ? {type: "category", data: labels} : {type: "value"},
      yAxis: weekly ? {type: "value"} : {type: "category", data: labels.slice().reverse()},
      series: [{type: weekly ? "line" : "bar", data: weekly ? values : values.slice().reverse(), itemStyle: {color: "#b3261e"}}]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
