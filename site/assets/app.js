// The site's only always-loaded script: theme toggle, keyboard navigation, and a search box
// that loads the index and the search code on first use. Everything works without it.
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'interleave-theme';
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  // Theme: the system's unless the reader picked one; the choice is stored.
  function current() {
    var t = root.getAttribute('data-theme');
    if (t === 'dark' || t === 'light') return t;
    return dark && dark.matches ? 'dark' : 'light';
  }
  var toggle = document.getElementById('theme-toggle');
  function label() {
    if (!toggle) return;
    var next = current() === 'dark' ? 'light' : 'dark';
    toggle.setAttribute('aria-label', 'Switch to the ' + next + ' theme');
    toggle.title = 'Switch to the ' + next + ' theme';
    toggle.textContent = current() === 'dark' ? '☀' : '☾';
  }
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* storage off: the choice lasts this page */ }
      label();
    });
    if (dark && dark.addEventListener) dark.addEventListener('change', label);
    label();
  }

  // Search: the index and the code arrive only when the box is first used.
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var loading = null;
  function load(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }
  function ready() {
    if (!loading) loading = load('assets/search-index.js').then(function () { return load('assets/search.js'); });
    return loading;
  }
  function close() {
    if (!list) return;
    list.hidden = true;
  }
  function show(query) {
    ready().then(function () {
      if (input.value !== query) return;
      var results = query.trim() ? window.interleaveSearch.search(query, 8) : [];
      list.textContent = '';
      if (!query.trim()) { close(); status.textContent = ''; return; }
      if (results.length === 0) {
        var li = document.createElement('li');
        li.className = 'r-empty';
        li.textContent = 'Nothing found for “' + query + '”.';
        list.appendChild(li);
      }
      results.forEach(function (r) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = r.u;
        var t = document.createElement('span');
        t.className = 'r-title';
        t.textContent = r.h;
        var p = document.createElement('span');
        p.className = 'r-page';
        p.textContent = r.p;
        var s = document.createElement('span');
        s.className = 'r-snippet';
        r.snippet.forEach(function (part) {
          if (part.mark) { var m = document.createElement('mark'); m.textContent = part.text; s.appendChild(m); }
          else s.appendChild(document.createTextNode(part.text));
        });
        a.appendChild(t); a.appendChild(p); a.appendChild(s);
        a.addEventListener('click', close);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      status.textContent = results.length + (results.length === 1 ? ' result' : ' results') + ' for “' + query + '”';
    }, function (error) {
      status.textContent = 'Search is unavailable: ' + error.message;
    });
  }
  if (input && list) {
    input.addEventListener('focus', function () { ready(); });
    input.addEventListener('input', function () { show(input.value); });
    input.addEventListener('keydown', function (e) {
      var first = list.querySelector('a');
      if (e.key === 'Escape') { input.value = ''; close(); input.blur(); }
      else if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
      else if (e.key === 'Enter' && first) { e.preventDefault(); first.click(); location.href = first.href; }
    });
    list.addEventListener('keydown', function (e) {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var i = links.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && i >= 0) { e.preventDefault(); (links[i + 1] || links[i]).focus(); }
      else if (e.key === 'ArrowUp' && i >= 0) { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
      else if (e.key === 'Escape') { close(); input.focus(); }
    });
    document.addEventListener('click', function (e) {
      if (!list.hidden && !e.target.closest('.search')) close();
    });
  }

  // Keys: "/" searches, ← and → go to the previous and next page.
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var el = document.activeElement;
    var tag = el && el.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el && el.isContentEditable)) return;
    if (e.key === '/' && input) {
      e.preventDefault();
      input.focus();
      return;
    }
    // A focused code block scrolls sideways with the arrows; leave them to it.
    if (tag === 'PRE') return;
    var rel = e.key === 'ArrowLeft' ? 'prev' : e.key === 'ArrowRight' ? 'next' : null;
    if (!rel) return;
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (link) { e.preventDefault(); location.href = link.href; }
  });
})();
