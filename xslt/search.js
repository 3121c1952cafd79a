// The search page: loads the index that tei render wrote (search-index.js) into
// MiniSearch and lists the documents that hold every word of the query, each with a
// snippet of the text around the first hit. Words are folded as tei/search_index.py
// folds them, so accents and capitals do not matter; the start of a word is enough.
// The texts snippets come from are loaded per shown result (search/<stem>.js, a script,
// since a page from file:// may not fetch() a file).
(function () {
  "use strict";

  var data = window.teiSearchIndex;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !window.MiniSearch || !form) {
    if (status) status.textContent = "The search index could not be loaded.";
    return;
  }

  var WORD = /[\p{L}\p{N}]/u;
  var SNIPPET = 90;
  var SHOWN = 50;
  var texts = {};
  var waiting = {};

  // Called by each search/<stem>.js with the document's texts.
  window.teiSearchText = function (href, fields) {
    texts[href] = fields;
    (waiting[href] || []).forEach(function (fill) { fill(fields); });
    delete waiting[href];
  };

  function withTexts(href, fill) {
    if (texts[href]) return fill(texts[href]);
    if (!waiting[href]) {
      waiting[href] = [];
      var script = document.createElement("script");
      script.src = "search/" + href.replace(/\.html$/, ".js");
      document.head.appendChild(script);
    }
    waiting[href].push(fill);
  }

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function tokenize(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  var engine = MiniSearch.loadJS(data.index, {
    fields: data.fields,
    storeFields: data.storeFields,
    tokenize: tokenize,
    processTerm: function (term) { return term || null; },
    searchOptions: {
      prefix: true,
      combineWith: "AND",
      boost: { title: 3, summary: 2 },
    },
  });

  // The folded text and, for each of its characters, where it came from in the original,
  // so a hit found in folded text is highlighted in the words as written.
  function foldWithOffsets(text) {
    var folded = "";
    var origin = [];
    for (var i = 0; i < text.length; i++) {
      var piece = fold(text[i]);
      for (var j = 0; j < piece.length; j++) {
        folded += piece[j];
        origin.push(i);
      }
    }
    origin.push(text.length);
    return { folded: folded, origin: origin };
  }

  // Where the matched terms stand as whole words in text: [start, end) pairs, in order.
  function hits(text, terms) {
    var mapped = foldWithOffsets(text);
    var found = [];
    terms.forEach(function (term) {
      var from = 0;
      var at;
      while ((at = mapped.folded.indexOf(term, from)) !== -1) {
        var end = at + term.length;
        var before = at === 0 ? "" : mapped.folded[at - 1];
        var after = end >= mapped.folded.length ? "" : mapped.folded[end];
        if (!WORD.test(before) && !WORD.test(after)) {
          found.push([mapped.origin[at], mapped.origin[end]]);
        }
        from = at + 1;
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found;
  }

  // A piece of text around the first hit, as nodes: the hits inside it are <mark>.
  function snippet(text, terms) {
    var found = hits(text, terms);
    if (!found.length) return null;
    var start = Math.max(0, found[0][0] - SNIPPET);
    var end = Math.min(text.length, found[0][1] + SNIPPET);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > found[0][1] ? text.lastIndexOf(" ", end) : end;
    var fragment = document.createDocumentFragment();
    var cursor = start;
    if (start > 0) fragment.appendChild(document.createTextNode("… "));
    found.forEach(function (hit) {
      if (hit[0] < cursor || hit[1] > end) return;
      fragment.appendChild(document.createTextNode(text.slice(cursor, hit[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(hit[0], hit[1]);
      fragment.appendChild(mark);
      cursor = hit[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (end < text.length) fragment.appendChild(document.createTextNode(" …"));
    return fragment;
  }

  // The snippet paragraph of a result: from the summary at once, then from the text or a
  // note when that holds a hit and has arrived.
  function snippetParagraph(result) {
    var quote = document.createElement("p");
    quote.className = "snippet";
    function fillFrom(fields) {
      var names = ["text", "notes", "summary", "title"];
      for (var i = 0; i < names.length; i++) {
        var piece = snippet(fields[names[i]] || "", result.terms);
        if (!piece) continue;
        quote.textContent = "";
        if (names[i] === "notes") {
          var label = document.createElement("span");
          label.className = "snippet-label";
          label.textContent = "In a note: ";
          quote.appendChild(label);
        }
        quote.appendChild(piece);
        return true;
      }
      return false;
    }
    fillFrom({ summary: result.summary, title: result.title });
    withTexts(result.href, function (fields) {
      fillFrom({ text: fields.text, notes: fields.notes, summary: result.summary,
                 title: result.title });
      quote.dataset.ready = "";
    });
    return quote;
  }

  function show(query) {
    list.textContent = "";
    var words = tokenize(query);
    if (!words.length) {
      status.textContent = "";
      return;
    }
    var results = engine.search(query);
    var count = results.length === 1 ? "1 document found" : results.length + " documents found";
    status.textContent = results.length > SHOWN
      ? count + "; the first " + SHOWN + " are shown: add a word to narrow the search."
      : count + ".";
    results.slice(0, SHOWN).forEach(function (result) {
      var item = document.createElement("li");
      item.className = "search-result";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = result.href;
      link.textContent = result.title;
      heading.appendChild(link);
      item.appendChild(heading);
      if (result.date) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = result.date;
        item.appendChild(meta);
      }
      item.appendChild(snippetParagraph(result));
      list.appendChild(item);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    show(query);
  });
  input.addEventListener("input", function () { show(input.value); });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();
