// The job screen: status timeline with stage times, class and confidence, the fields beside the document's text with
// each field's evidence highlighted, the rules, cost and tokens, and the raw result.
import { api } from './api.js';
import { fileName, h, percent, problemBox, statusBadge, time } from './dom.js';
import { leaves, pieces } from './highlight.js';
import { onLive } from './live.js';

const STAGE_ORDER = ['mark-processing', 'extract-text', 'classify', 'extract-fields', 'store-result', 'announce'];

export function jobView(main, jobId) {
  const heading = h('h1', {}, 'Job');
  const content = h('div', { id: 'job' }, h('p', { class: 'hint' }, 'Loading…'));
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← Jobs')), heading, content);
  let shown = null;

  async function load() {
    try {
      const job = await api('/api/v1/jobs/' + encodeURIComponent(jobId));
      const result = job.resultLocation ? await api('/api/v1/jobs/' + encodeURIComponent(jobId) + '/result') : null;
      const text = result ? await api('/api/v1/jobs/' + encodeURIComponent(jobId) + '/text', { accept: 'text/plain' }).catch(() => null) : null;
      shown = job.status + '|' + job.resultLocation;
      heading.textContent = fileName(job);
      content.replaceChildren(...render(job, result, text));
    } catch (error) {
      content.replaceChildren(problemBox(error));
    }
  }

  const stop = onLive((type, data) => {
    if (type === 'job' && data.jobId === jobId && data.status + '|' + data.resultLocation !== shown) {
      load();
    }
  });
  load();
  return { leave: stop };
}

function render(job, result, text) {
  const parts = [
    h('section', { class: 'summary', 'aria-label': 'Summary' },
      h('dl', { class: 'facts' },
        fact('Status', [statusBadge(job.status), job.reason ? ' ' + job.reason : '']),
        fact('Class', job.documentClass || '—'),
        fact('Confidence', percent(job.confidence) || '—'),
        fact('Source', h('code', {}, job.source.bucket + '/' + job.source.key)),
        fact('Received via', job.receivedVia || '—'),
        fact('Job id', h('code', {}, job.jobId))),
      job.status === 'NEEDS_REVIEW' ? h('p', {}, h('a', { class: 'button', href: '#/jobs/' + job.jobId + '/review' }, 'Review this document')) : null,
      job.error ? h('p', { class: 'problem' }, job.error) : null),
    timeline(job, result)
  ];
  if (result) {
    const evidence = (result.review && result.review.evidence) || [];
    const pane = textPane(text, evidence);
    parts.push(h('section', { class: 'columns', 'aria-labelledby': 'fields-heading' },
      h('div', { class: 'column' }, h('h2', { id: 'fields-heading' }, 'Fields'), fieldsTable(result.fields, evidence, pane)),
      h('div', { class: 'column' }, h('h2', {}, 'Document text'), pane.element)));
    parts.push(reviewSection(result.review));
    parts.push(costSection(result));
    parts.push(h('details', { class: 'raw' }, h('summary', {}, 'Result JSON'), h('pre', {}, JSON.stringify(result, null, 2))));
  } else {
    parts.push(h('p', { class: 'hint' }, 'No result yet: this page updates when the job finishes.'));
  }
  return parts;
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}

function timeline(job, result) {
  const millis = (result && result.timings && result.timings.stageMillis) || job.stageMillis || {};
  const stages = Object.keys(millis).sort((a, b) => order(a) - order(b));
  const longest = Math.max(1, ...stages.map(s => millis[s]));
  return h('section', { class: 'timeline', 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, 'Timeline'),
    h('ol', {},
      h('li', {}, h('span', { class: 'stage' }, 'received'), h('span', { class: 'when' }, time(job.createdAt))),
      stages.map(stage => h('li', {}, h('span', { class: 'stage' }, stage),
        h('span', { class: 'bar', style: `width: ${Math.max(2, Math.round(200 * millis[stage] / longest))}px`, 'aria-hidden': 'true' }),
        h('span', { class: 'millis' }, millis[stage] + ' ms'))),
      h('li', {}, h('span', { class: 'stage' }, job.finishedAt ? job.status.toLowerCase().replace('_', ' ') : 'in progress'),
        h('span', { class: 'when' }, time(job.finishedAt)))),
    result && result.timings && result.timings.totalMillis ? h('p', { class: 'hint' }, 'Total ' + result.timings.totalMillis + ' ms') : null);
}

function order(stage) {
  const index = STAGE_ORDER.indexOf(stage);
  return index < 0 ? STAGE_ORDER.length : index;
}

/** The document's text with every grounded evidence span marked; highlight(pointer) brings one field's forward. */
export function textPane(text, evidence) {
  const element = h('pre', { class: 'doctext', tabindex: '0', 'aria-label': 'Document text' });
  if (text === null || text === undefined) {
    element.append('The text of this document is not available.');
  } else {
    const spans = evidence.filter(e => e.grounded !== false);
    for (const piece of pieces(text, spans)) {
      element.append(piece.span ? h('mark', { dataset: { field: piece.span.field }, title: piece.span.field }, piece.text) : piece.text);
    }
  }
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  return {
    element: h('div', { class: 'text-pane' }, status, element),
    highlight(pointer) {
      element.querySelectorAll('mark.current').forEach(m => m.classList.remove('current'));
      const marks = [...element.querySelectorAll('mark')].filter(m => m.dataset.field === pointer);
      marks.forEach(m => m.classList.add('current'));
      if (marks.length > 0) {
        marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
        status.textContent = pointer + ': highlighted in the text';
      } else {
        status.textContent = pointer + ': not found in the text';
      }
    }
  };
}

function fieldsTable(fields, evidence, pane) {
  const byField = new Map(evidence.map(e => [e.field, e]));
  const rows = leaves(fields || {}).filter(leaf => leaf.pointer !== '').map(leaf => {
    const found = byField.get(leaf.pointer);
    const grounded = found ? found.grounded !== false : null;
    return h('tr', { class: grounded === false ? 'ungrounded' : '' },
      h('th', { scope: 'row' }, h('button', {
        type: 'button', class: 'field-button', dataset: { field: leaf.pointer },
        onclick: () => pane.highlight(leaf.pointer), onfocus: () => pane.highlight(leaf.pointer)
      }, leaf.pointer.slice(1))),
      h('td', {}, display(leaf.value)),
      h('td', {}, grounded === null ? '' : grounded ? h('span', { class: 'ok' }, 'in the text')
        : h('span', { class: 'warn' }, '⚠ not in the text' + (found.reason ? ': ' + found.reason : ''))),
      h('td', {}, found ? percent(found.confidence) : ''),
      h('td', { class: 'note' }, found && found.note ? found.note : ''));
  });
  if (rows.length === 0) {
    return h('p', { class: 'hint' }, 'No fields were extracted.');
  }
  return h('table', { class: 'fields', id: 'fields' },
    h('thead', {}, h('tr', {}, ['Field', 'Value', 'Evidence', 'Confidence', 'Note'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows));
}

export function display(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : JSON.stringify(value);
  }
  if (typeof value === 'object') {
    return Object.keys(value).length === 0 ? '(empty)' : JSON.stringify(value);
  }
  return String(value);
}

export function rulesTable(rules) {
  if (!rules || rules.length === 0) {
    return h('p', { class: 'hint' }, 'No rules apply.');
  }
  return h('table', { class: 'rules' },
    h('thead', {}, h('tr', {}, ['Rule', 'Outcome', 'Message'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rules.map(rule => h('tr', {},
      h('td', {}, h('span', { title: rule.description || '' }, rule.ruleId)),
      h('td', {}, h('span', { class: 'outcome outcome-' + String(rule.outcome).toLowerCase() }, rule.outcome)),
      h('td', {}, rule.message || rule.description || '')))));
}

function reviewSection(review) {
  if (!review) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'rules-heading' },
    h('h2', { id: 'rules-heading' }, 'Rules and review'),
    review.reasons && review.reasons.length ? h('ul', { class: 'reasons' }, review.reasons.map(r => h('li', {}, r))) : null,
    review.documentConfidence ? h('p', {}, 'Extraction confidence ' + percent(review.documentConfidence.confidence)
      + ' (review below ' + percent(review.documentConfidence.threshold) + ')') : null,
    rulesTable(review.rules));
}

function costSection(result) {
  const usage = result.usage || {};
  const calls = (result.models && result.models.calls) || [];
  return h('section', { 'aria-labelledby': 'cost-heading' },
    h('h2', { id: 'cost-heading' }, 'Cost and tokens'),
    h('dl', { class: 'facts' },
      fact('Estimated cost', result.costEstimateUsd === null || result.costEstimateUsd === undefined ? '—' : '$' + Number(result.costEstimateUsd).toFixed(5)),
      fact('Input tokens', usage.inputTokens ?? '—'),
      fact('Output tokens', usage.outputTokens ?? '—')),
    calls.length ? h('table', { class: 'calls' },
      h('thead', {}, h('tr', {}, ['Task', 'Model', 'Input tokens', 'Output tokens', 'Latency'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, calls.map(call => h('tr', {},
        h('td', {}, call.task), h('td', {}, h('code', {}, call.modelId)),
        h('td', {}, call.inputTokens ?? ''), h('td', {}, call.outputTokens ?? ''),
        h('td', {}, call.latencyMs === undefined ? '' : call.latencyMs + ' ms'))))) : null);
}
