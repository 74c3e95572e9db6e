// The review screens: the queue of documents needing review, and one document's review (claim, correct the fields
// beside the text with its evidence, approve, change the class or reject), with the outcome.
import { api } from './api.js';
import { announce, fileName, h, percent, problemBox, time } from './dom.js';
import { token as pointerToken } from './highlight.js';
import { display, rulesTable, textPane } from './job.js';

export function reviewQueueView(main) {
  const body = h('div', { id: 'review-queue' }, h('p', { class: 'hint' }, 'Loading…'));
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  main.append(h('h1', {}, 'Review'), h('p', {}, 'Documents docflow was not sure about. Claim one, check its fields against the text, then approve, correct, reclassify or reject it.'), body, more);
  let cursor = null;
  let list = null;

  function load(next) {
    const params = new URLSearchParams({ limit: '50' });
    if (next) params.set('cursor', next);
    api('/api/v1/review/queue?' + params).then(page => {
      if (!next) {
        list = h('ul', { class: 'queue' });
        body.replaceChildren(page.jobs.length ? list : h('p', { class: 'hint' }, 'Nothing needs review.'));
      }
      page.jobs.forEach(job => list.append(queueItem(job)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
    }, error => body.replaceChildren(problemBox(error)));
  }

  function queueItem(job) {
    const state = h('span', { class: 'claim-state' }, claimText(job));
    const claim = h('button', { type: 'button', onclick: () => {
      api('/api/v1/jobs/' + encodeURIComponent(job.jobId) + '/review/claim', { method: 'POST' }).then(answer => {
        location.hash = '#/jobs/' + job.jobId + '/review';
        announce('Claimed until ' + time(answer.claimExpiresAt));
      }, error => state.replaceChildren(problemBox(error)));
    } }, 'Claim and review');
    const name = fileName(job);
    return h('li', { class: 'queue-item', dataset: { jobId: job.jobId } },
      h('h2', {}, h('a', { href: '#/jobs/' + job.jobId + '/review' }, name)),
      h('p', {}, (job.documentClass || 'unclassified') + ' · confidence ' + (percent(job.confidence) || '—') + ' · received ' + time(job.createdAt)),
      h('ul', { class: 'reasons', 'aria-label': 'Reasons for review' }, (job.reasons && job.reasons.length ? job.reasons : [job.reason]).filter(Boolean).map(r => h('li', {}, r))),
      h('p', {}, claim, ' ', state));
  }

  more.addEventListener('click', () => load(cursor));
  load();
}

function claimText(job) {
  return job.claimedBy ? 'claimed by ' + job.claimedBy + ' until ' + time(job.claimExpiresAt) : '';
}

export function reviewJobView(main, jobId) {
  const path = '/api/v1/jobs/' + encodeURIComponent(jobId);
  const heading = h('h1', {}, 'Review');
  const content = h('div', { id: 'review' }, h('p', { class: 'hint' }, 'Loading…'));
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/review' }, '← Review queue'), ' · ', h('a', { href: '#/jobs/' + jobId }, 'Job page')), heading, content);

  Promise.all([api(path), api(path + '/result'), api(path + '/text', { accept: 'text/plain' }).catch(() => null),
    api('/api/v1/classes').catch(() => ({ classes: [] }))])
    .then(([job, result, text, classes]) => {
      heading.textContent = 'Review ' + fileName(job);
      const schema = (classes.classes.find(c => c.name === job.documentClass) || {}).schema || {};
      content.replaceChildren(...screen(path, job, result, text, classes.classes.map(c => c.name), schema));
    }, error => content.replaceChildren(problemBox(error)));
}

function screen(path, job, result, text, classes, schema) {
  const review = result.review || {};
  const evidence = review.evidence || [];
  const pane = textPane(text, evidence);
  const draft = structuredClone(result.fields || {});
  const outcome = h('div', { id: 'review-outcome', 'aria-live': 'polite' });
  const comment = h('textarea', { id: 'review-comment', name: 'comment', rows: '2' });
  const claimState = h('span', { id: 'claim-state' });

  const claim = h('button', { type: 'button', id: 'claim', onclick: () => api(path + '/review/claim', { method: 'POST' }).then(answer => {
    claimState.textContent = 'Claimed by ' + answer.claimedBy + ' until ' + time(answer.claimExpiresAt);
    release.hidden = false;
  }, error => claimState.replaceChildren(problemBox(error))) }, 'Claim');
  const release = h('button', { type: 'button', hidden: true, onclick: () => api(path + '/review/claim', { method: 'DELETE' }).then(() => {
    claimState.textContent = 'Released.';
    release.hidden = true;
  }, error => claimState.replaceChildren(problemBox(error))) }, 'Release');

  const form = h('form', { id: 'review-form', class: 'review-form', novalidate: true, onsubmit: event => event.preventDefault() },
    objectEditor(draft, '', pane, schema));

  const classSelect = h('select', { id: 'review-class' },
    classes.map(name => h('option', { value: name, selected: name === (job.documentClass || result.classification?.documentClass) }, name)));

  function submit(body, button) {
    button.disabled = true;
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
    api(path + '/review', { method: 'POST', json: { ...body, comment: comment.value.trim() || undefined } }).then(answer => {
      outcome.replaceChildren(outcomeView(answer));
      outcome.scrollIntoView({ block: 'nearest' });
      announce('Review saved: the job is ' + answer.status);
      actions.querySelectorAll('button').forEach(b => { b.disabled = true; });
    }, error => {
      button.disabled = false;
      markInvalid(form, error);
      outcome.replaceChildren(problemBox(error));
      outcome.scrollIntoView({ block: 'nearest' });
    });
  }

  const approve = h('button', { type: 'button', id: 'approve', class: 'primary', onclick: () => submit({ action: 'approve' }, approve) }, 'Approve as extracted');
  const correct = h('button', { type: 'button', id: 'save-corrections', onclick: () => submit({ action: 'correct', fields: draft }, correct) }, 'Save corrections');
  const reclassify = h('button', { type: 'button', id: 'reclassify', onclick: () => submit({ action: 'reclassify', documentClass: classSelect.value }, reclassify) }, 'Change class');
  const reject = h('button', { type: 'button', id: 'reject', class: 'danger', onclick: () => {
    if (!comment.value.trim()) {
      outcome.replaceChildren(h('div', { class: 'problem', role: 'alert' }, h('strong', {}, 'A rejection needs a comment'), h('p', {}, 'Say why in the comment box.')));
      comment.focus();
      return;
    }
    submit({ action: 'reject' }, reject);
  } }, 'Reject');
  const actions = h('div', { class: 'actions' },
    h('div', { class: 'field' }, h('label', { for: 'review-comment' }, 'Comment (required to reject)'), comment),
    h('p', {}, approve, ' ', correct),
    h('p', {}, h('label', { for: 'review-class' }, 'Class '), classSelect, ' ', reclassify),
    h('p', {}, reject));

  return [
    h('section', { class: 'summary', 'aria-label': 'Why it needs review' },
      h('p', {}, 'Status ', h('strong', {}, job.status), ' · class ', h('strong', {}, job.documentClass || '—'),
        ' · confidence ', percent(job.confidence) || '—'),
      h('ul', { class: 'reasons', 'aria-label': 'Reasons for review' }, (review.reasons || [job.reason]).filter(Boolean).map(r => h('li', {}, r))),
      h('p', {}, claim, ' ', release, ' ', claimState)),
    h('section', { class: 'columns' },
      h('div', { class: 'column' }, h('h2', {}, 'Fields'), form, h('h2', {}, 'Rules'), rulesTable(review.rules), actions, outcome),
      h('div', { class: 'column' }, h('h2', {}, 'Document text'), pane.element))
  ];
}

function markInvalid(form, error) {
  const errors = (error.problem && Array.isArray(error.problem.errors)) ? error.problem.errors : [];
  for (const e of errors) {
    const pointer = typeof e === 'string' ? e : e.pointer || e.field;
    const input = pointer && [...form.querySelectorAll('[data-pointer]')].find(i => i.dataset.pointer === pointer);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
    }
  }
}

function outcomeView(answer) {
  return h('section', { class: 'outcome-box', 'aria-labelledby': 'outcome-heading' },
    h('h2', { id: 'outcome-heading' }, 'Reviewed: ', h('span', { id: 'review-status' }, answer.status)),
    h('p', {}, answer.action + ' by ' + (answer.reviewedBy || 'you') + ' at ' + time(answer.reviewedAt)),
    answer.changes && answer.changes.length ? h('table', { class: 'changes' },
      h('thead', {}, h('tr', {}, ['Field', 'Before', 'After'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, answer.changes.map(c => h('tr', {}, h('td', {}, c.field), h('td', {}, display(c.before)), h('td', {}, display(c.after))))))
      : h('p', {}, 'No field changed.'),
    answer.rules ? rulesTable(answer.rules) : null,
    h('p', {}, h('a', { href: '#/jobs/' + answer.jobId }, 'Open the job'), ' · ', h('a', { href: '#/review' }, 'Back to the queue')));
}

/**
 * An editor for an object's properties, the class schema's included (a value the model did not find can be added);
 * edits go straight into the draft. The schema gives each input its type; without one, the value's own type does.
 */
function objectEditor(object, pointer, pane, schema = {}) {
  const properties = schema.properties || {};
  const keys = [...new Set([...Object.keys(object), ...Object.keys(properties).filter(k => isLeafSchema(properties[k]))])];
  return h('div', { class: 'object' }, keys.map(key => valueEditor(object, key, pointer + '/' + pointerToken(key), pane, properties[key] || {})));
}

function isLeafSchema(schema) {
  const types = [].concat(schema.type || []);
  return types.length > 0 && types.every(t => ['string', 'number', 'integer', 'boolean', 'null'].includes(t));
}

function valueEditor(parent, key, pointer, pane, schema) {
  const value = parent[key];
  const label = String(key);
  if (Array.isArray(value)) {
    return h('fieldset', { class: 'list' }, h('legend', {}, label), listEditor(parent, key, pointer, pane, schema.items || {}));
  }
  if (value !== null && typeof value === 'object') {
    return h('fieldset', {}, h('legend', {}, label), objectEditor(value, pointer, pane, schema));
  }
  const id = 'f' + pointer.replace(/[^A-Za-z0-9]/g, '_');
  const absent = !(key in parent);
  const set = leaf => {
    if (leaf === null && absent) {
      delete parent[key]; // left empty: stays absent rather than null
    } else {
      parent[key] = leaf;
    }
  };
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    input(id, pointer, value, set, pane, kindOf(value, schema)),
    schema.description ? h('span', { class: 'hint small' }, schema.description) : null);
}

/** One input for a leaf: numbers as number inputs, booleans as checkboxes, the rest as text (empty = null). */
function input(id, pointer, value, set, pane, kind) {
  const focus = () => pane.highlight(pointer);
  if (kind === 'boolean') {
    return h('input', { id, type: 'checkbox', checked: value === true, dataset: { pointer }, onfocus: focus,
      onchange: event => set(event.target.checked) });
  }
  return h('input', {
    id, type: kind === 'number' ? 'number' : 'text', step: kind === 'number' ? 'any' : null,
    value: value === null || value === undefined ? '' : String(value), dataset: { pointer }, onfocus: focus,
    oninput: event => {
      const text = event.target.value;
      set(text === '' ? null : kind === 'number' ? Number(text) : text);
    }
  });
}

/** 'number', 'boolean' or 'text': from the schema's type when it names one, else from the value. */
function kindOf(value, schema = {}) {
  const types = [].concat(schema.type || []);
  if (types.includes('number') || types.includes('integer')) {
    return 'number';
  }
  if (types.includes('boolean')) {
    return 'boolean';
  }
  if (types.includes('string')) {
    return 'text';
  }
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
}

/**
 * A list as rows: objects as a table with a column per key (the item schema's and the items' own), other values one
 * input a row; rows can be added and removed.
 */
function listEditor(parent, key, pointer, pane, itemSchema) {
  const list = parent[key];
  const container = h('div', {});
  const itemProperties = itemSchema.properties || {};
  const columns = [...new Set([...Object.keys(itemProperties).filter(k => isLeafSchema(itemProperties[k])),
    ...list.filter(item => item && typeof item === 'object').flatMap(item => Object.keys(item))])];
  const kinds = {};
  columns.forEach(column => {
    const sample = list.map(item => item && item[column]).find(v => v !== null && v !== undefined);
    kinds[column] = kindOf(sample, itemProperties[column]);
  });
  const itemKind = kindOf(list.find(v => v !== null && v !== undefined), itemSchema);

  function draw() {
    const rows = list.map((item, index) => {
      const rowPointer = pointer + '/' + index;
      const remove = h('button', { type: 'button', class: 'small', onclick: () => { list.splice(index, 1); draw(); } },
        'Remove row ' + (index + 1));
      if (columns.length > 0) {
        return h('tr', {}, columns.map(column => {
          const id = 'f' + (rowPointer + '/' + column).replace(/[^A-Za-z0-9]/g, '_');
          return h('td', {}, h('label', { for: id, class: 'visually-hidden' }, column + ' of row ' + (index + 1)),
            input(id, rowPointer + '/' + pointerToken(column), item[column], leaf => {
              if (leaf === null) {
                delete item[column]; // an empty cell is an absent value, which the schema allows where null may not be
              } else {
                item[column] = leaf;
              }
            }, pane, kinds[column]));
        }), h('td', {}, remove));
      }
      const id = 'f' + rowPointer.replace(/[^A-Za-z0-9]/g, '_');
      return h('tr', {}, h('td', {}, h('label', { for: id, class: 'visually-hidden' }, key + ' ' + (index + 1)),
        input(id, rowPointer, item, leaf => { list[index] = leaf; }, pane, itemKind)), h('td', {}, remove));
    });
    const add = h('button', { type: 'button', class: 'small', onclick: () => {
      list.push(columns.length > 0 ? {} : null);
      draw();
    } }, 'Add row');
    container.replaceChildren(h('table', { class: 'list-table' },
      columns.length ? h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))) : null,
      h('tbody', {}, rows)), add);
  }
  draw();
  return container;
}
