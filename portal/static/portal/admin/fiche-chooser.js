// Fiche choosers in the Wagtail admin (cms/models/widgets.py): type part of a name, pick a
// suggestion (default-language fiches, with their country) to add it to the select; choose
// an entry of the select and press Delete (or double-click it) to remove it. Works for
// the rows an inline panel adds later: events are caught on the document.
(function () {
  "use strict";
  var timers = new WeakMap();

  function chooserOf(element) {
    return element.closest("[data-fiche-chooser]");
  }

  function clearResults(chooser) {
    var list = chooser.querySelector(".fiche-chooser__results");
    list.replaceChildren();
    list.hidden = true;
  }

  function choose(chooser, id, label) {
    var select = chooser.querySelector("select");
    var multiple = chooser.dataset.multiple === "true";
    var existing = Array.prototype.find.call(select.options, function (option) {
      return option.value === String(id);
    });
    if (!multiple) {
      Array.prototype.forEach.call(select.options, function (option) {
        option.selected = false;
      });
    }
    if (existing) {
      existing.selected = true;
    } else {
      select.add(new Option(label, id, true, true));
    }
    select.dispatchEvent(new Event("change", { bubbles: true }));
    var search = chooser.querySelector(".fiche-chooser__search");
    search.value = "";
    clearResults(chooser);
    search.focus();
  }

  function show(chooser, results) {
    var list = chooser.querySelector(".fiche-chooser__results");
    list.replaceChildren();
    results.forEach(function (result) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary";
      button.textContent = result.label;
      button.dataset.id = result.id;
      button.setAttribute("role", "option");
      item.appendChild(button);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
  }

  function search(chooser, query) {
    var url = new URL(chooser.dataset.url, window.location.href);
    url.searchParams.set("q", query);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        show(chooser, data.results || []);
      });
  }

  document.addEventListener("input", function (event) {
    if (!event.target.matches(".fiche-chooser__search")) return;
    var chooser = chooserOf(event.target);
    clearTimeout(timers.get(chooser));
    var query = event.target.value.trim();
    if (!query) {
      clearResults(chooser);
      return;
    }
    timers.set(chooser, setTimeout(function () { search(chooser, query); }, 200));
  });

  document.addEventListener("keydown", function (event) {
    if (event.target.matches(".fiche-chooser__search") && event.key === "Enter") {
      // Enter picks the first suggestion instead of submitting the page form.
      event.preventDefault();
      var first = chooserOf(event.target).querySelector(".fiche-chooser__results button");
      if (first) first.click();
    }
    if (event.target.matches("[data-fiche-chooser] select") && event.key === "Delete") {
      Array.prototype.filter.call(event.target.options, function (option) {
        return option.selected && option.value;
      }).forEach(function (option) { option.remove(); });
    }
  });

  document.addEventListener("dblclick", function (event) {
    var option = event.target.closest("[data-fiche-chooser] select[multiple] option");
    if (option) option.remove();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".fiche-chooser__results button");
    if (!button) return;
    choose(chooserOf(button), button.dataset.id, button.textContent);
  });

  // Only chosen fiches are sent: a multiple select sends its selected options.
  document.addEventListener("submit", function (event) {
    event.target.querySelectorAll("[data-fiche-chooser] select[multiple]").forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) { option.selected = true; });
    });
  }, true);
})();
