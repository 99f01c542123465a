// The case explorer of report.html. Data comes from the JSON block #ft-data; every string from it is put on
// the page with textContent (never innerHTML), so model output is shown as text and never runs.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ft-data').textContent);
  var rows = data.rows;
  var PAGE = 500;
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function haystack(r) {
    if (r._text === undefined) {
      var parts = [r.case, r.target, r.variant || '', r.tags.join(' '), r.output || '', r.error || '', r.error_message || ''];
      r.input.forEach(function (m) { parts.push(m.content); });
      r.verdicts.forEach(function (v) { parts.push(v.check, v.detail || ''); });
      r._text = parts.join('\n').toLowerCase();
    }
    return r._text;
  }
  function filters() {
    return { failing: $('f-failing').checked, target: $('f-target').value, tag: $('f-tag').value,
             q: $('f-search').value.trim().toLowerCase() };
  }
  function matches(r, f) {
    if (f.failing && r.pass) return false;
    if (f.target && r.target !== f.target) return false;
    if (f.tag && r.tags.indexOf(f.tag) < 0) return false;
    return !f.q || haystack(r).indexOf(f.q) >= 0;
  }
  function result(r) { return r.pass ? 'pass' : (r.error ? 'error' : 'fail'); }
  function rowElement(r) {
    var tr = el('tr', null, r.pass ? 'pass' : 'fail');
    tr.tabIndex = 0;
    tr.dataset.index = String(r.index);
    [r.case, r.target, r.repeat, r.variant || '', result(r), r.error ? r.error + ': ' + (r.error_message || '') : '']
      .forEach(function (v, i) { tr.appendChild(el('td', v, i === 4 ? 'result' : '')); });
    tr.addEventListener('click', function () { show(r); });
    tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') show(r); });
    return tr;
  }
  function render() {
    var f = filters(), body = $('calls-body'), n = 0, frag = document.createDocumentFragment();
    rows.forEach(function (r) {
      if (!matches(r, f)) return;
      n++;
      if (n <= PAGE) frag.appendChild(rowElement(r));
    });
    body.replaceChildren(frag);
    $('f-count').textContent = n + ' of ' + rows.length + ' calls';
    $('calls-more').textContent = n > PAGE ? 'Showing the first ' + PAGE + ' of ' + n + ' matching calls; narrow the filters to see the rest.' : '';
  }
  function outputOf(r) {
    return r.output !== null ? r.output : '(no output: ' + r.error + (r.error_message ? ' — ' + r.error_message : '') + ')';
  }
  function verdictList(r, failedOnly) {
    var ul = el('ul', null, 'verdicts');
    r.verdicts.forEach(function (v) {
      if (failedOnly && v.pass) return;
      var word = v.pass ? 'pass' : (v.measured === false ? 'unmeasured' : 'fail');
      var text = v.check + ': ' + word + (v.score !== null && v.score !== undefined ? ' (score ' + v.score + ')' : '') + (v.detail ? ' — ' + v.detail : '');
      ul.appendChild(el('li', text, v.pass ? 'pass' : 'fail'));
    });
    if (!r.verdicts.length) ul.appendChild(el('li', r.error ? 'no checks ran: the call failed' : 'no checks'));
    return ul;
  }
  function show(r) {
    $('detail').hidden = false;
    $('detail-title').textContent = r.case + ' · ' + r.target + ' · repeat ' + r.repeat + (r.variant ? ' · variant ' + r.variant : '') + ' · ' + result(r);
    var body = $('detail-body');
    body.replaceChildren();
    body.appendChild(el('h4', 'Input'));
    r.input.forEach(function (m) { body.appendChild(el('pre', m.role + ': ' + m.content, 'input')); });
    body.appendChild(el('h4', 'Output'));
    body.appendChild(el('pre', outputOf(r), 'output'));
    var facts = [];
    if (r.confidence !== null) facts.push('stated confidence ' + r.confidence);
    facts.push('latency ' + Math.round(r.latency_ms) + ' ms');
    if (r.tags.length) facts.push('tags: ' + r.tags.join(', '));
    body.appendChild(el('p', facts.join(' · '), 'note'));
    body.appendChild(el('h4', 'Checks'));
    body.appendChild(verdictList(r, false));
    compare(r);
    $('detail').scrollIntoView({ block: 'nearest' });
  }
  function compare(r) {
    var box = $('compare');
    box.replaceChildren();
    data.targets.forEach(function (t) {
      var col = el('div', null, 'col');
      col.dataset.target = t;
      col.appendChild(el('h4', t));
      var same = rows.filter(function (x) { return x.case === r.case && x.target === t; });
      if (!same.length) col.appendChild(el('p', 'no call of this case', 'note'));
      same.forEach(function (x) {
        var c = el('div', null, 'call ' + (x.pass ? 'pass' : 'fail'));
        c.appendChild(el('div', 'repeat ' + x.repeat + ' · ' + result(x), 'head'));
        c.appendChild(el('pre', outputOf(x), 'output'));
        c.appendChild(verdictList(x, true));
        col.appendChild(c);
      });
      box.appendChild(col);
    });
  }
  ['f-failing', 'f-target', 'f-tag'].forEach(function (id) { $(id).addEventListener('change', render); });
  $('f-search').addEventListener('input', render);
  render();
})();
