(function () {
  var root = document.documentElement;
  try { var saved = localStorage.getItem('egregora-theme'); if (saved) root.setAttribute('data-theme', saved); } catch (e) {}
  document.addEventListener('DOMContentLoaded', function () {
    var dates = window.EGREGORA_UPDATED || {};
    document.querySelectorAll('[data-updated]').forEach(function (el) {
      var d = dates[el.getAttribute('data-updated')];
      if (!d) return;
      var t = el.querySelector('time');
      t.textContent = d[1];
      t.setAttribute('datetime', d[0]);
      el.hidden = false;
    });
    var b = document.getElementById('theme-toggle');
    if (!b) return;
    b.addEventListener('click', function () {
      var dark = root.getAttribute('data-theme') === 'dark' ||
        (!root.getAttribute('data-theme') && window.matchMedia('(prefers-color-scheme: dark)').matches);
      var next = dark ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('egregora-theme', next); } catch (e) {}
    });
  });
})();
