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

  // Step-through views of recorded event-loop runs (figure.steps). Without this script the
  // figure is a table of every step; with it, a player shows one step at a time.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function listOf(items, empty) {
    if (items.length === 0) return el('span', 'steps-empty', empty);
    var ol = el('ol', 'steps-list');
    items.forEach(function (x) { var li = el('li'); li.appendChild(el('code', '', x)); ol.appendChild(li); });
    return ol;
  }
  function ms(n) { return Number(n.toFixed(3)) + ' ms'; }
  Array.prototype.forEach.call(document.querySelectorAll('figure.steps[data-steps]'), function (figure) {
    var steps;
    try { steps = JSON.parse(figure.getAttribute('data-steps')); } catch (e) { return; }
    if (!steps || !steps.length) return;
    var title = (figure.querySelector('figcaption strong') || figure).textContent;
    var player = el('div', 'steps-player');
    player.setAttribute('role', 'group');
    player.setAttribute('aria-label', title + ': step through (← and → move)');
    player.tabIndex = 0;
    var controls = el('div', 'steps-controls');
    var prev = el('button', 'steps-prev', '← Previous');
    var next = el('button', 'steps-next', 'Next →');
    prev.type = next.type = 'button';
    prev.setAttribute('aria-label', 'Previous step');
    next.setAttribute('aria-label', 'Next step');
    var pos = el('p', 'steps-pos');
    pos.setAttribute('aria-live', 'polite');
    controls.appendChild(prev); controls.appendChild(pos); controls.appendChild(next);
    var state = el('dl', 'steps-state');
    function slot(name, cls) {
      var d = el('div', cls);
      d.appendChild(el('dt', '', name));
      var dd = el('dd');
      d.appendChild(dd);
      state.appendChild(d);
      return dd;
    }
    var running = slot('Ran', 'steps-running');
    var clock = slot('Iteration, time', 'steps-clock');
    var ready = slot('Ready queue after', 'steps-ready');
    var timers = slot('Timer heap after', 'steps-timers');
    var output = slot('Output so far', 'steps-output');
    var note = el('p', 'steps-note');
    player.appendChild(controls); player.appendChild(note); player.appendChild(state);
    var at = 0;
    function show(i) {
      at = Math.max(0, Math.min(steps.length - 1, i));
      var s = steps[at];
      pos.textContent = 'Step ' + (at + 1) + ' of ' + steps.length + ': ' + s.running;
      running.textContent = '';
      running.appendChild(el('code', '', s.running));
      clock.textContent = s.iteration + ', ' + ms(s.time);
      ready.textContent = '';
      ready.appendChild(listOf(s.ready, 'empty'));
      var heap = s.timers.map(function (t, k) { return { t: t, k: k }; }).sort(function (a, b) { return a.t.when - b.t.when || a.k - b.k; });
      timers.textContent = '';
      timers.appendChild(listOf(heap.map(function (x) { return ms(x.t.when) + ': ' + x.t.label; }), 'none'));
      output.textContent = '';
      var out = s.output.length ? el('pre', 'steps-out', s.output.join('\n')) : el('span', 'steps-empty', 'nothing yet');
      if (s.output.length) out.tabIndex = 0;
      output.appendChild(out);
      note.textContent = s.note || '';
      note.hidden = !s.note;
      prev.setAttribute('aria-disabled', String(at === 0));
      next.setAttribute('aria-disabled', String(at === steps.length - 1));
      figure.setAttribute('data-step', String(at + 1));
    }
    prev.addEventListener('click', function () { show(at - 1); });
    next.addEventListener('click', function () { show(at + 1); });
    player.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      var to = e.key === 'ArrowLeft' ? at - 1 : e.key === 'ArrowRight' ? at + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? steps.length - 1 : null;
      if (to === null) return;
      e.preventDefault();
      show(to);
    });
    // The table stays, folded, for whoever wants every step at once.
    var table = figure.querySelector('.steps-table');
    if (table) {
      var all = el('details', 'steps-all');
      all.appendChild(el('summary', '', 'Every step as a table'));
      table.parentNode.insertBefore(all, table);
      all.appendChild(table);
      figure.insertBefore(player, all);
    } else figure.appendChild(player);
    show(0);
  });

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
    // A focused code block, figure or table scrolls sideways with the arrows; leave them to it.
    if (tag === 'PRE' || (el && el.closest && el.closest('.scroll-x, .table-wrap'))) return;
    var rel = e.key === 'ArrowLeft' ? 'prev' : e.key === 'ArrowRight' ? 'next' : null;
    if (!rel) return;
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (link) { e.preventDefault(); location.href = link.href; }
  });
})();
