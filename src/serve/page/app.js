// The page of `redraft serve`: choose two drafts, see the redline with the
// findings of `check`, filter it, walk its changes with n and p, view it
// side by side, download it; three or more drafts give a history; a base
// draft and delegations' proposals give a compilation.
// Plain script, no library; every request carries the session's token.
'use strict';

const token = document.querySelector('meta[name="redraft-token"]').content;
const chosen = { old: null, new: null, base: null };
const versions = [];
const view = { sbs: false, changedOnly: false, at: -1 };

const $ = (id) => document.getElementById(id);

// One line for the user: an error (default) or a "busy" note; '' hides it.
function say(text, kind) {
  const m = $('message');
  m.textContent = text;
  m.className = kind || 'error';
  m.hidden = !text;
  document.body.dataset.state = text ? (kind || 'error') : document.body.dataset.state;
}

async function post(path, form) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'X-Redraft-Token': token },
    body: form,
  });
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function pairForm() {
  const form = new FormData();
  form.append('old', chosen.old, chosen.old.name);
  form.append('new', chosen.new, chosen.new.name);
  return form;
}

// --- choosing the drafts ------------------------------------------------

function choose(slot, file) {
  if (!file) return;
  chosen[slot] = file;
  $(slot + '-name').textContent = file.name;
  document.querySelector('.drop[data-slot="' + slot + '"]').classList.add('chosen');
  if (slot === 'base') listProposals();
  else if (chosen.old && chosen.new) compare();
}

for (const zone of document.querySelectorAll('.drop')) {
  const slot = zone.dataset.slot;
  zone.querySelector('input').addEventListener('change', (e) => choose(slot, e.target.files[0]));
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    choose(slot, e.dataTransfer.files[0]);
  });
}

// --- the redline ---------------------------------------------------------

// Only the latest comparison is shown: choosing another draft while one
// runs makes the earlier answer stale.
let latest = 0;

async function compare() {
  const mine = ++latest;
  say('Comparing ' + chosen.old.name + ' and ' + chosen.new.name + '…', 'busy');
  document.body.dataset.state = 'busy';
  try {
    const result = await (await post('/api/compare', pairForm())).json();
    if (mine === latest) show(result);
  } catch (e) {
    if (mine !== latest) return;
    $('result').hidden = true;
    say(e.message);
  }
}

function show(result) {
  $('summary').textContent = result.summary;
  const notes = $('notes');
  notes.replaceChildren(...result.notes.map((n) => item(n)));
  const list = $('findings');
  list.replaceChildren(...result.findings.map((f) => {
    const li = item(f.message + ' [' + f.rule + ']');
    li.className = f.severity;
    li.addEventListener('click', () => reveal(f.label));
    return li;
  }));
  $('findings-count').textContent = String(result.findings.length);
  const frame = $('redline');
  frame.onload = () => {
    decorate(frame.contentDocument, result.findings);
    $('result').hidden = false;
    say('');
    document.body.dataset.state = 'ready';
  };
  frame.srcdoc = result.html;
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

// What the page adds to the redline: its own style, the findings beside
// their paragraphs, the side-by-side view, and the keys.
function decorate(doc, findings) {
  const style = doc.createElement('style');
  style.textContent = FRAME_STYLE;
  doc.head.appendChild(style);
  for (const f of findings) {
    const unit = doc.getElementById(f.label);
    if (!unit) continue;
    const note = doc.createElement('aside');
    note.className = 'redraft-finding ' + f.severity;
    note.textContent = f.message;
    unit.appendChild(note);
    unit.classList.add('has-finding');
  }
  doc.body.appendChild(sideBySide(doc));
  doc.addEventListener('keydown', keys);
  view.at = -1;
  apply();
}

const FRAME_STYLE = `
.redraft-finding { font: .8rem/1.4 system-ui, sans-serif; margin: .25rem 0 0; padding: .15rem .5rem; border-left: 3px solid #b3261e; background: #fce8e6; }
.redraft-finding.warning { border-color: #f9ab00; background: #fef7e0; }
.redraft-finding.note { border-color: #1a73e8; background: #e8f0fe; }
body.changed-only .unit:not(.changed):not(.has-finding), body.changed-only .sbs-row:not(.changed) { display: none; }
.current { outline: 2px solid #1a73e8; outline-offset: 3px; }
#redraft-sbs { display: none; }
body.sbs main { display: none; }
body.sbs { max-width: none; }
body.sbs #redraft-sbs { display: block; }
.sbs-row { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; margin-bottom: .6rem; }
.sbs-row .unit { margin: 0; }
.sbs-head { font: 600 .85rem system-ui, sans-serif; color: #5f6368; }
`;

// Two columns: OLD (what was deleted, struck) and NEW (what was inserted,
// underlined), one row a unit, built from the redline's own paragraphs.
function sideBySide(doc) {
  const section = doc.createElement('section');
  section.id = 'redraft-sbs';
  const head = doc.createElement('div');
  head.className = 'sbs-row sbs-head';
  const names = [doc.querySelector('.old-name'), doc.querySelector('.new-name')];
  for (const n of names) {
    const cell = doc.createElement('div');
    cell.textContent = n ? n.textContent : '';
    head.appendChild(cell);
  }
  section.appendChild(head);
  for (const unit of doc.querySelectorAll('main .unit')) {
    const row = doc.createElement('div');
    row.className = 'sbs-row' + (unit.classList.contains('changed') ? ' changed' : '');
    row.dataset.label = unit.dataset.label || '';
    row.appendChild(column(unit, 'old'));
    row.appendChild(column(unit, 'new'));
    section.appendChild(row);
  }
  return section;
}

function column(unit, side) {
  const gone = unit.classList.contains('deleted') || unit.classList.contains('moved_away');
  const added = unit.classList.contains('inserted') || unit.classList.contains('moved');
  const cell = unit.cloneNode(true);
  cell.removeAttribute('id');
  cell.classList.remove('current');
  for (const aside of cell.querySelectorAll('aside')) aside.remove();
  if ((side === 'old' && added && !unit.classList.contains('moved')) || (side === 'new' && gone)) {
    cell.replaceChildren();
    return cell;
  }
  for (const mark of cell.querySelectorAll(side === 'old' ? 'ins' : 'del')) mark.remove();
  return cell;
}

// --- filter, view and the n/p keys ----------------------------------------

function press(id, on) { $(id).setAttribute('aria-pressed', on ? 'true' : 'false'); }

function apply() {
  const doc = $('redline').contentDocument;
  if (!doc || !doc.body) return;
  doc.body.classList.toggle('sbs', view.sbs);
  doc.body.classList.toggle('changed-only', view.changedOnly);
  press('view-sbs', view.sbs);
  press('view-redline', !view.sbs);
  press('filter-changed', view.changedOnly);
  press('filter-all', !view.changedOnly);
  position();
}

function changes() {
  const doc = $('redline').contentDocument;
  return doc ? Array.from(doc.querySelectorAll(view.sbs ? '.sbs-row.changed' : 'main .unit.changed')) : [];
}

function position() {
  const total = changes().length;
  $('position').textContent = total === 0 ? 'no changes' : (view.at < 0 ? '–' : String(view.at + 1)) + ' / ' + total;
}

function go(step) {
  const list = changes();
  if (list.length === 0) return;
  for (const old of $('redline').contentDocument.querySelectorAll('.current')) old.classList.remove('current');
  view.at = view.at < 0 ? (step > 0 ? 0 : list.length - 1) : (view.at + step + list.length) % list.length;
  const target = list[view.at];
  target.classList.add('current');
  within(target);
  position();
}

// Scrolls the redline's frame (not the page around it) to an element.
function within(element) {
  const win = $('redline').contentWindow;
  const top = element.getBoundingClientRect().top + win.scrollY - win.innerHeight / 3;
  win.scrollTo(0, Math.max(0, top));
}

function reveal(label) {
  const doc = $('redline').contentDocument;
  const unit = doc && doc.getElementById(label);
  if (!unit) return;
  if (view.sbs) { view.sbs = false; apply(); }
  $('redline').scrollIntoView({ block: 'nearest' });
  within(unit);
}

function keys(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const tag = (e.target && e.target.tagName) || '';
  if (tag === 'INPUT' || tag === 'TEXTAREA') return;
  if (e.key === 'n') { go(1); e.preventDefault(); }
  if (e.key === 'p') { go(-1); e.preventDefault(); }
}

document.addEventListener('keydown', keys);
$('view-sbs').addEventListener('click', () => { view.sbs = true; view.at = -1; apply(); });
$('view-redline').addEventListener('click', () => { view.sbs = false; view.at = -1; apply(); });
$('filter-changed').addEventListener('click', () => { view.changedOnly = true; apply(); });
$('filter-all').addEventListener('click', () => { view.changedOnly = false; apply(); });
$('next').addEventListener('click', () => go(1));
$('prev').addEventListener('click', () => go(-1));

// --- downloads ------------------------------------------------------------

for (const button of document.querySelectorAll('.downloads button')) {
  button.addEventListener('click', () => download(button.dataset.what));
}

async function download(what) {
  say('Preparing the ' + what + ' file…', 'busy');
  try {
    const response = await post('/api/download/' + what, pairForm());
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="([^"]+)"/.exec(disposition);
    save(blob, match ? match[1] : 'redline');
    say('');
    document.body.dataset.state = 'ready';
  } catch (e) {
    say(e.message);
  }
}

function save(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

// --- history ----------------------------------------------------------------

$('versions-input').addEventListener('change', (e) => {
  versions.push(...e.target.files);
  e.target.value = '';
  listVersions();
});
$('versions-clear').addEventListener('click', () => {
  versions.length = 0;
  listVersions();
  $('history').hidden = true;
});
$('history-go').addEventListener('click', history);

function listVersions() {
  $('versions').replaceChildren(...versions.map((file, k) => {
    const li = item(file.name);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = 'Remove';
    remove.addEventListener('click', () => { versions.splice(k, 1); listVersions(); });
    li.appendChild(remove);
    return li;
  }));
  $('history-go').disabled = versions.length < 3;
}

async function history() {
  say('Tracing ' + versions.length + ' versions…', 'busy');
  const form = new FormData();
  for (const file of versions) form.append('version', file, file.name);
  try {
    const html = await (await post('/api/history', form)).text();
    const frame = $('history');
    frame.onload = () => { say(''); document.body.dataset.state = 'history'; };
    frame.hidden = false;
    frame.srcdoc = html;
  } catch (e) {
    say(e.message);
  }
}

// --- compilation --------------------------------------------------------------

// Each proposal: its file and the delegation typed beside it ('' : the
// server names it by the file's stem, as `redraft compile` does).
const proposals = [];

function stem(name) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function addProposals(files) {
  for (const file of files) proposals.push({ file, name: '' });
  listProposals();
}

function listProposals() {
  $('proposals').replaceChildren(...proposals.map((p, k) => {
    const li = document.createElement('li');
    const name = document.createElement('input');
    name.type = 'text';
    name.className = 'delegation';
    name.placeholder = stem(p.file.name);
    name.value = p.name;
    name.setAttribute('aria-label', 'Delegation of ' + p.file.name);
    name.addEventListener('input', () => { p.name = name.value; });
    const file = document.createElement('span');
    file.className = 'file';
    file.textContent = p.file.name;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = 'Remove';
    remove.addEventListener('click', () => { proposals.splice(k, 1); listProposals(); });
    li.append(name, file, remove);
    return li;
  }));
  $('compile-go').disabled = !chosen.base || proposals.length === 0;
}

function compileForm() {
  const form = new FormData();
  form.append('base', chosen.base, chosen.base.name);
  for (const p of proposals) {
    form.append('proposal', p.file, p.file.name);
    form.append('name', p.name);
  }
  if ($('by-author').checked) form.append('by_author', '1');
  return form;
}

// The compilation's own line: busy, an error, or '' to hide it.
function tell(text, kind) {
  const m = $('compile-message');
  m.textContent = text;
  m.className = kind || 'error';
  m.hidden = !text;
  if (text && kind !== 'busy') document.body.dataset.state = 'error';
}

async function compile() {
  tell('Compiling ' + proposals.length + ' proposals on ' + chosen.base.name + '…', 'busy');
  document.body.dataset.state = 'busy';
  try {
    const result = await (await post('/api/compile', compileForm())).json();
    $('compile-summary').textContent = result.summary;
    const frame = $('compilation');
    frame.onload = () => {
      // The page's frames run no script of their own: the filter by
      // delegation is driven from here.
      frame.contentDocument.addEventListener('change', () => filterDelegations(frame.contentDocument));
      $('compiled').hidden = false;
      tell('');
      document.body.dataset.state = 'compiled';
    };
    frame.srcdoc = result.html;
  } catch (e) {
    $('compiled').hidden = true;
    tell(e.message);
  }
}

// Unticking a delegation hides its proposals (the compilation page's own
// filter, `data-d` naming the delegations of each element).
function filterDelegations(doc) {
  const on = new Set(Array.from(doc.querySelectorAll('input[data-i]')).filter((b) => b.checked).map((b) => b.dataset.i));
  for (const e of doc.querySelectorAll('[data-d]')) {
    const shown = e.dataset.d.split(' ').some((i) => on.has(i));
    e.classList.toggle(e.classList.contains('change') ? 'plain' : 'off', !shown);
  }
}

async function compileDownload(what) {
  tell('Preparing the ' + what + ' file…', 'busy');
  try {
    const response = await post('/api/compile/download/' + what, compileForm());
    const blob = await response.blob();
    const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    save(blob, match ? match[1] : 'compilation');
    tell('');
    document.body.dataset.state = 'compiled';
  } catch (e) {
    tell(e.message);
  }
}

$('proposals-input').addEventListener('change', (e) => {
  addProposals(e.target.files);
  e.target.value = '';
});
const zone = $('proposals-zone');
zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  addProposals(e.dataTransfer.files);
});
$('proposals-clear').addEventListener('click', () => {
  proposals.length = 0;
  listProposals();
  $('compiled').hidden = true;
});
$('compile-go').addEventListener('click', compile);
for (const button of document.querySelectorAll('.compile-downloads button')) {
  button.addEventListener('click', () => compileDownload(button.dataset.what));
}
