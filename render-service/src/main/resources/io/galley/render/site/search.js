// Galley site search: vanilla JS over the search shards listed in search-index.js, works from a web
// server or from files.
// The index (the text of the whole book) is loaded only when the reader starts a search, so pages
// of a big book stay light.
(function () {
  'use strict';
  var index = null;
  var loading = false;
  var waiting = null;
  var form = document.querySelector('form.search');
  if (!form) { return; }
  var input = form.querySelector('input');
  var results = form.querySelector('ol');
  var root = document.body.getAttribute('data-root') || '';
  form.hidden = false;

  function message(text) {
    results.textContent = '';
    var li = document.createElement('li');
    li.textContent = text;
    results.appendChild(li);
  }

  // the index is one script per chapter (a shard, named by its content) and a list of them:
  // scripts, not JSON, so that search works from files too
  function load(src, then, failed) {
    var script = document.createElement('script');
    script.src = root + src;
    script.onload = then;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  function withIndex(then) {
    if (index) { then(); return; }
    waiting = then;
    if (loading) { return; }
    loading = true;
    var shards = {};
    var failed = false;
    function fail() {
      if (failed) { return; }
      failed = true;
      loading = false;
      message('Search is not available');
    }
    window.galleySearchShard = function (name, entries) { shards[name] = entries; };
    load('search-index.js', function () {
      var names = window.galleySearchShards || [];
      var pending = names.length;
      function done() {
        if (failed) { return; }
        index = [];
        names.forEach(function (n) { index = index.concat(shards[n] || []); });
        if (waiting) { waiting(); }
      }
      if (pending === 0) { done(); return; }
      names.forEach(function (n) {
        load('search/' + n + '.js', function () {
          pending -= 1;
          if (pending === 0) { done(); }
        }, fail);
      });
    }, fail);
  }
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
      message('No results');
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

  input.addEventListener('focus', function () { withIndex(function () {}); });
  input.addEventListener('input', function () { withIndex(show); });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) { input.value = q; withIndex(show); }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; withIndex(show); }
  });
})();
