// Offline search over window.interleaveSearchIndex (written by the build as a script, so
// it also loads from file://). Each query word matches an indexed word exactly, as a
// prefix, or within a small edit distance (1 typo for words of 4+ letters, 2 for 8+).
// Headings weigh more than text; every query word must match something.
(function () {
  'use strict';
  var docs = window.interleaveSearchIndex || [];
  var vocab = null; // word -> [[docIndex, weight], ...]
  var words = null;

  function tokens(text) {
    return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; });
  }
  function build() {
    vocab = new Map();
    docs.forEach(function (d, i) {
      var weights = new Map();
      // A page's own title (level 1) names everything on it; a section heading is more specific.
      var hw = d.l === 1 ? 4 : 8;
      tokens(d.h).forEach(function (w) { weights.set(w, (weights.get(w) || 0) + hw); });
      tokens(d.p).forEach(function (w) { weights.set(w, (weights.get(w) || 0) + 1); });
      tokens(d.t).forEach(function (w) { weights.set(w, (weights.get(w) || 0) + 1); });
      weights.forEach(function (weight, w) {
        var list = vocab.get(w);
        if (!list) { list = []; vocab.set(w, list); }
        list.push([i, Math.min(weight, 20)]);
      });
    });
    words = Array.from(vocab.keys());
  }

  // Damerau–Levenshtein (adjacent swaps count 1), stopping early past `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) v = Math.min(v, prev2[k - 2] + 1);
        cur[k] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // The indexed words a query word stands for, each with how well it matches (0..1].
  function expand(q) {
    var out = [];
    var max = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w === q) out.push([w, 1]);
      else if (q.length >= 2 && w.indexOf(q) === 0) out.push([w, 0.7]);
      else if (max > 0 && distance(q, w, max) <= max) out.push([w, 0.5]);
    }
    return out;
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1, len = 0;
    terms.forEach(function (t) {
      var i = lower.search(new RegExp('(^|[^a-z0-9])' + t.replace(/[^a-z0-9]/g, '')));
      if (i >= 0 && (at < 0 || i < at)) { at = i === 0 ? 0 : i + 1; len = t.length; }
    });
    if (at < 0) return [{ text: text.slice(0, 140) + (text.length > 140 ? '…' : '') }];
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + len + 80);
    return [
      { text: (start > 0 ? '…' : '') + text.slice(start, at) },
      { text: text.slice(at, at + len), mark: true },
      { text: text.slice(at + len, end) + (end < text.length ? '…' : '') },
    ];
  }

  function search(query, limit) {
    if (!vocab) build();
    var qs = tokens(query);
    if (qs.length === 0) return [];
    var scores = new Map();
    var hits = new Map();
    var matched = [];
    qs.forEach(function (q) {
      var forms = expand(q);
      matched.push(forms.map(function (f) { return f[0]; }));
      var best = new Map();
      forms.forEach(function (f) {
        vocab.get(f[0]).forEach(function (p) {
          var s = p[1] * f[1];
          if (s > (best.get(p[0]) || 0)) best.set(p[0], s);
        });
      });
      best.forEach(function (s, doc) {
        scores.set(doc, (scores.get(doc) || 0) + s);
        hits.set(doc, (hits.get(doc) || 0) + 1);
      });
    });
    var ranked = Array.from(scores.keys())
      .filter(function (d) { return hits.get(d) === qs.length; })
      .sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; })
      .slice(0, limit || 10);
    var terms = [];
    matched.forEach(function (list) { list.slice(0, 5).forEach(function (w) { terms.push(w); }); });
    return ranked.map(function (d) {
      var doc = docs[d];
      return { u: doc.u, h: doc.h, p: doc.p, score: scores.get(d), snippet: snippet(doc.t, terms) };
    });
  }

  window.interleaveSearch = { search: search };
})();
