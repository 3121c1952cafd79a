// The filters of the documents page: each card (li) carries its years, months, persons,
// places, senders and recipients as space-separated keys in data- attributes; each
// select filters by one of them. Filters combine; each option counts the documents it
// would leave, given the other filters. The choice lives in the address's fragment
// (#person=kennedy-robert&year=1962), so a filtered view can be linked and reloaded.
(function () {
  "use strict";

  var form = document.getElementById("facets");
  var list = document.getElementById("document-list");
  if (!form || !list) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var cards = Array.prototype.slice.call(list.children);
  var status = document.getElementById("facets-status");

  function values(card, facet) {
    var value = card.getAttribute("data-" + facet) || "";
    return value ? value.split(" ") : [];
  }

  function chosen() {
    var state = {};
    selects.forEach(function (select) {
      if (select.value) state[select.dataset.facet] = select.value;
    });
    return state;
  }

  function matches(card, state, except) {
    return Object.keys(state).every(function (facet) {
      return facet === except || values(card, facet).indexOf(state[facet]) !== -1;
    });
  }

  function update() {
    var state = chosen();
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, state, null);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    selects.forEach(function (select) {
      var facet = select.dataset.facet;
      var pool = cards.filter(function (card) { return matches(card, state, facet); });
      Array.prototype.forEach.call(select.options, function (option) {
        var count = option.value ? pool.filter(function (card) {
          return values(card, facet).indexOf(option.value) !== -1;
        }).length : pool.length;
        var label = option.value ? option.dataset.label : "All";
        option.textContent = label + " (" + count + ")";
      });
    });
    status.textContent = "Showing " + shown + " of " + cards.length + " documents.";
    var fragment = Object.keys(state).map(function (facet) {
      return encodeURIComponent(facet) + "=" + encodeURIComponent(state[facet]);
    }).join("&");
    if (fragment !== location.hash.slice(1)) {
      history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search);
    }
  }

  function restore() {
    var state = new URLSearchParams(location.hash.slice(1));
    selects.forEach(function (select) {
      var wanted = state.get(select.dataset.facet) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    });
    update();
  }

  selects.forEach(function (select) { select.addEventListener("change", update); });
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", restore);
  form.hidden = false;
  restore();
})();
