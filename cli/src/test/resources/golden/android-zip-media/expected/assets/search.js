/* Client-side search over window.EGREGORA_SEARCH = {v:1, docs:[[href, title, date, tags, terms], ...]}.
   Results are built with DOM APIs (textContent), never innerHTML, so indexed text cannot inject markup. */
(function () {
  function norm(s) { return (s || '').toLowerCase(); }
  function search(q) {
    var idx = window.EGREGORA_SEARCH || { docs: [] };
    var words = norm(q).split(/\s+/).filter(function (w) { return w.length > 0; });
    if (!words.length) return [];
    var out = [];
    for (var i = 0; i < idx.docs.length; i++) {
      var d = idx.docs[i], title = norm(d[1]), hay = title + ' ' + norm(d[3]) + ' ' + d[4], score = 0, ok = true;
      for (var j = 0; j < words.length; j++) {
        var w = words[j];
        if (hay.indexOf(w) < 0) { ok = false; break; }
        score += title.indexOf(w) >= 0 ? 3 : (norm(d[3]).indexOf(w) >= 0 ? 2 : 1);
      }
      if (ok) out.push([score, i]);
    }
    out.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return out.slice(0, 50).map(function (r) { return idx.docs[r[1]]; });
  }
  function show(q) {
    var list = document.getElementById('search-results'), status = document.getElementById('search-status');
    while (list.firstChild) list.removeChild(list.firstChild);
    var hits = search(q);
    status.textContent = q ? hits.length + (hits.length === 50 ? '+' : '') + ' result(s)' : '';
    hits.forEach(function (d) {
      var li = document.createElement('li'), a = document.createElement('a'), m = document.createElement('span');
      a.href = d[0]; a.textContent = d[1]; m.className = 'meta'; m.textContent = ' ' + d[2];
      li.appendChild(a); li.appendChild(m); list.appendChild(li);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var input = document.getElementById('search-input');
    if (!input) return;
    var q = new URLSearchParams(window.location.search).get('q') || '';
    input.value = q;
    show(q);
    input.addEventListener('input', function () { show(input.value); });
  });
})();
