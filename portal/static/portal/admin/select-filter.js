// Long selects in the Wagtail admin (countries, languages: cms/models/widgets.py) get a box
// above them: typing part of a name keeps only the matching options in view (accents and
// case ignored); chosen options always stay. Rows an inline panel adds later get theirs on
// first focus.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function equip(select) {
    if (select.dataset.filterReady) return;
    select.dataset.filterReady = "true";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-filter";
    box.placeholder = select.multiple ? "…" : "…";
    box.setAttribute("aria-label", (select.labels[0] && select.labels[0].textContent.trim()) || "");
    box.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var wanted = fold(box.value.trim());
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = Boolean(wanted) && !option.selected && fold(option.text).indexOf(wanted) === -1;
      });
    });
  }

  function equipAll(root) {
    root.querySelectorAll("select[data-filterable]").forEach(equip);
  }

  document.addEventListener("DOMContentLoaded", function () { equipAll(document); });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("select[data-filterable]")) equip(event.target);
  });
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.querySelectorAll) equipAll(node);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
