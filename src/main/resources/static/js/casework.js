/*
 * Small behaviours of every page, without inline handlers (strict CSP):
 * - a button with data-cw-print prints the page (print stylesheet in casework.css);
 * - a table with data-cw-sort sorts on a click (or Enter/Space) on its header cells, client-side,
 *   for lists shown whole (server-paged lists sort on the server through their header links).
 */
(function () {
  'use strict';
  document.querySelectorAll('[data-cw-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });

  function cellValue(row, i) {
    var cell = row.cells[i];
    var text = cell ? cell.innerText.trim() : '';
    var n = parseFloat(text.replace(/[¥,，%\s]/g, ''));
    return isNaN(n) || !/^[¥\d,.\-%\s]+$/.test(text) ? text : n;
  }

  document.querySelectorAll('table[data-cw-sort]').forEach(function (table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) {
      return;
    }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (th.querySelector('a, button')) {
        return;
      }
      th.tabIndex = 0;
      th.setAttribute('role', 'columnheader');
      th.setAttribute('aria-sort', 'none');
      th.classList.add('cw-sortable');
      function sort() {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
          if (c.classList.contains('cw-sortable')) { c.setAttribute('aria-sort', 'none'); }
        });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i);
          var y = cellValue(b, i);
          var r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sort();
        }
      });
    });
  });
})();
