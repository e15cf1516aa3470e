// Galley site search: vanilla JS over search-index.js, works from a web server or from files.
(function () {
  'use strict';
  var index = window.galleySearchIndex || [];
  var form = document.querySelector('form.search');
  if (!form) { return; }
  var input = form.querySelector('input');
  var results = form.querySelector('ol');
  var root = document.body.getAttribute('data-root') || '';
  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });

  function score(entry, terms) {
    var title = entry.t.toLowerCase();
    var text = entry.x.toLowerCase();
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var inTitle = title.indexOf(terms[i]) >= 0;
      var at = text.indexOf(terms[i]);
      if (!inTitle && at < 0) { return 0; }
      total += (inTitle ? 5 : 0) + (at >= 0 ? 1 : 0);
    }
    return total;
  }

  function snippet(entry, term) {
    var at = entry.x.toLowerCase().indexOf(term);
    if (at < 0) { return entry.x.slice(0, 120); }
    var start = Math.max(0, at - 50);
    return (start > 0 ? '…' : '') + entry.x.slice(start, at + 90) + '…';
  }

  function show() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 1; });
    results.textContent = '';
    if (terms.length === 0) { return; }
    var hits = index
      .map(function (e) { return { e: e, s: score(e, terms) }; })
      .filter(function (h) { return h.s > 0; })
      .sort(function (a, b) { return b.s - a.s; })
      .slice(0, 10);
    if (hits.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'No results';
      results.appendChild(none);
      return;
    }
    hits.forEach(function (h) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + h.e.u;
      a.textContent = h.e.t;
      var p = document.createElement('p');
      p.textContent = snippet(h.e, terms[0]);
      li.appendChild(a);
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  input.addEventListener('input', show);
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) { input.value = q; show(); }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; show(); }
  });
})();
