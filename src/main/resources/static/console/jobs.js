// The jobs screen: upload by drag and drop (or the file input), filters, and the list, kept live by the job stream.
import { api, upload } from './api.js';
import { announce, fileName, h, percent, problemBox, statusBadge, time } from './dom.js';
import { onLive } from './live.js';

const STATUSES = ['QUEUED', 'PROCESSING', 'COMPLETED', 'NEEDS_REVIEW', 'FAILED'];
const filters = { status: '', class: '', from: '', to: '', sourcePrefix: '' };

export function jobsView(main) {
  const uploads = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });
  const input = h('input', { id: 'file-input', type: 'file', multiple: true, class: 'file-input' });
  const zone = h('div', {
    id: 'dropzone', class: 'dropzone', role: 'button', tabindex: '0', 'aria-describedby': 'dropzone-hint',
    onclick: () => input.click(),
    onkeydown: event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        input.click();
      }
    },
    ondragover: event => {
      event.preventDefault();
      zone.classList.add('over');
    },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: event => {
      event.preventDefault();
      zone.classList.remove('over');
      send([...event.dataTransfer.files]);
    }
  }, h('strong', {}, 'Drop documents here'), h('span', { id: 'dropzone-hint' }, ' or press Enter to choose files (PDF, images, Office, text; several at once)'));
  input.addEventListener('change', () => {
    send([...input.files]);
    input.value = '';
  });

  function send(files) {
    for (const file of files) {
      const item = h('li', {}, file.name + ': uploading…');
      uploads.prepend(item);
      upload(file).then(answer => {
        item.replaceChildren(h('a', { href: '#/jobs/' + answer.jobId }, file.name), ' uploaded: job ', h('code', {}, answer.jobId));
        announce(file.name + ' uploaded');
        load();
      }, error => {
        item.replaceChildren(file.name + ': ', problemBox(error));
      });
    }
  }

  const classes = h('select', { id: 'filter-class', name: 'class' }, h('option', { value: '' }, 'any'));
  api('/api/v1/classes').then(answer => answer.classes.forEach(c =>
    classes.append(h('option', { value: c.name, selected: c.name === filters.class }, c.name))), () => {});
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: event => {
    event.preventDefault();
    for (const name of Object.keys(filters)) {
      filters[name] = form.elements[name].value.trim();
    }
    load();
  } },
  field('filter-status', 'Status', h('select', { id: 'filter-status', name: 'status' }, h('option', { value: '' }, 'any'),
    STATUSES.map(s => h('option', { value: s, selected: s === filters.status }, s)))),
  field('filter-class', 'Class', classes),
  field('filter-from', 'Created from', h('input', { id: 'filter-from', name: 'from', type: 'date', value: filters.from })),
  field('filter-to', 'to (inclusive)', h('input', { id: 'filter-to', name: 'to', type: 'date', value: filters.to })),
  field('filter-prefix', 'Source key starts with', h('input', { id: 'filter-prefix', name: 'sourcePrefix', type: 'text', value: filters.sourcePrefix, placeholder: 'uploads/' })),
  h('div', { class: 'filter-buttons' }, h('button', { type: 'submit' }, 'Apply filters'),
    h('button', { type: 'button', onclick: () => {
      Object.keys(filters).forEach(name => { filters[name] = ''; form.elements[name].value = ''; });
      load();
    } }, 'Clear')));

  const body = h('tbody', { id: 'jobs-body' });
  const table = h('table', { id: 'jobs', class: 'jobs' },
    h('caption', { class: 'visually-hidden' }, 'Jobs, newest first'),
    h('thead', {}, h('tr', {}, ['Document', 'Status', 'Class', 'Confidence', 'Created', 'Finished', 'Cost'].map(c => h('th', { scope: 'col' }, c)))),
    body);
  const problems = h('div', { id: 'jobs-problem' });
  const more = h('button', { type: 'button', hidden: true, onclick: () => load(cursor) }, 'Load more');
  const empty = h('p', { class: 'hint', hidden: true }, 'No jobs yet: drop a document above.');
  let cursor = null;
  let loading = 0;

  function query(next) {
    const params = new URLSearchParams();
    if (filters.status) params.set('status', filters.status);
    if (filters.class) params.set('class', filters.class);
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
    if (filters.sourcePrefix) params.set('sourcePrefix', filters.sourcePrefix);
    params.set('limit', '50');
    if (next) params.set('cursor', next);
    return '/api/v1/jobs?' + params;
  }

  function load(next) {
    const ticket = ++loading;
    api(query(next)).then(page => {
      if (ticket !== loading) {
        return;
      }
      problems.replaceChildren();
      if (!next) {
        body.replaceChildren();
      }
      page.jobs.forEach(job => body.append(row(job)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      empty.hidden = body.childElementCount > 0;
    }, error => problems.replaceChildren(problemBox(error)));
  }

  function matches(job) {
    const created = (job.createdAt || '').slice(0, 10);
    return (!filters.status || job.status === filters.status)
      && (!filters.class || job.documentClass === filters.class)
      && (!filters.sourcePrefix || (job.source && job.source.key.startsWith(filters.sourcePrefix)))
      && (!filters.from || created >= filters.from)
      && (!filters.to || created <= filters.to);
  }

  const stop = onLive((type, data) => {
    if (type === 'ready') {
      load();
    } else if (type === 'job') {
      const old = body.querySelector(`tr[data-job-id="${CSS.escape(data.jobId)}"]`);
      if (old && old.dataset.status !== data.status) {
        announce(fileName(data) + ': ' + data.status);
      }
      if (!matches(data)) {
        if (old) old.remove();
      } else if (old) {
        old.replaceWith(row(data));
      } else {
        body.prepend(row(data));
        empty.hidden = true;
      }
    }
  });

  main.append(h('h1', {}, 'Jobs'),
    h('section', { class: 'upload', 'aria-labelledby': 'upload-heading' },
      h('h2', { id: 'upload-heading' }, 'Upload'), zone,
      h('p', { class: 'file-fallback' }, h('label', { for: 'file-input' }, 'Or choose files: '), input), uploads),
    h('section', { 'aria-labelledby': 'list-heading' }, h('h2', { id: 'list-heading' }, 'Jobs'), form, problems, table, empty, more));
  load();
  return { leave: stop };
}

function field(id, label, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function row(job) {
  return h('tr', { dataset: { jobId: job.jobId, status: job.status } },
    h('td', {}, h('a', { href: '#/jobs/' + job.jobId, title: job.source ? job.source.bucket + '/' + job.source.key : '' }, fileName(job))),
    h('td', { class: 'job-status' }, statusBadge(job.status),
      job.status === 'NEEDS_REVIEW' ? [' ', h('a', { href: '#/jobs/' + job.jobId + '/review' }, 'review')] : null,
      job.reason ? h('span', { class: 'reason' }, ' ' + job.reason) : null),
    h('td', {}, job.documentClass || ''),
    h('td', {}, percent(job.confidence)),
    h('td', {}, time(job.createdAt)),
    h('td', {}, time(job.finishedAt)),
    h('td', {}, job.costUsd === null || job.costUsd === undefined ? '' : '$' + Number(job.costUsd).toFixed(4)));
}
