// Live updates for the publisher portal: an enhancement, the page is complete without it.
// Listens to /api/events and swaps in the server-rendered fragments each event carries.
(function () {
  'use strict';
  var books = document.getElementById('books');
  if (!books || !('EventSource' in window)) {
    return;
  }
  var status = document.getElementById('live-status');

  function parse(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // Replaces an element; if it held the keyboard focus, focus moves to the same link in the new one.
  function swap(old, html) {
    var fresh = parse(html);
    var active = document.activeElement;
    var href = active && old.contains(active) ? active.getAttribute('href') : null;
    old.replaceWith(fresh);
    if (href) {
      var again = fresh.querySelector('a[href="' + CSS.escape(href) + '"]');
      if (again) {
        again.focus();
      }
    }
    return fresh;
  }

  function insertRow(tbody, html, time) {
    var row = parse(html);
    var rows = tbody.querySelectorAll('tr[data-time]');
    for (var i = 0; i < rows.length; i++) {
      if (!time || rows[i].getAttribute('data-time') < time) {
        tbody.insertBefore(row, rows[i]);
        return;
      }
    }
    tbody.appendChild(row);
  }

  function onCommit(event) {
    var d = JSON.parse(event.data);
    var section = books.querySelector('section[data-book="' + CSS.escape(d.bookId) + '"]');
    if (!section) {
      var empty = document.getElementById('no-books');
      if (empty) {
        empty.remove();
      }
      books.appendChild(parse(d.section));
    } else {
      var row = section.querySelector('tr[data-commit="' + CSS.escape(d.commit) + '"]');
      if (row) {
        swap(row, d.row);
      } else {
        insertRow(section.querySelector('tbody[data-history]'), d.row, d.time);
      }
      var latest = section.querySelector('[data-latest]');
      if (latest) {
        swap(latest, d.latest);
      }
    }
    if (status && d.announce) {
      status.textContent = d.announce;
    }
  }

  // On every (re)connection, catch up with what changed before the stream opened.
  function catchUp() {
    fetch(window.location.pathname, { headers: { Accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) {
          return;
        }
        var fresh = new DOMParser().parseFromString(text, 'text/html').getElementById('books');
        if (fresh && fresh.innerHTML !== books.innerHTML && !books.contains(document.activeElement)) {
          books.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () {});
  }

  var source = new EventSource('/api/events');
  source.addEventListener('commit', onCommit);
  source.addEventListener('hello', function () {
    document.documentElement.setAttribute('data-live', 'connected');
    catchUp();
  });
})();
