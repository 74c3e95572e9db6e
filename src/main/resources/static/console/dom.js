// A few helpers to build the page from elements (text always as text, never as HTML).

/** h('button', {class: 'x', onclick: f, disabled: true}, 'Label', child, [children]) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' || name === 'checked') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** An error as the user sees it: the problem's title and detail, and the fields it names. */
export function problemBox(error) {
  const problem = error.problem || { title: 'Something went wrong', detail: String(error.message || error) };
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, problem.title || 'Error'),
    problem.detail ? h('p', {}, problem.detail) : null,
    errors.length ? h('ul', {}, errors.map(e => h('li', {}, typeof e === 'string' ? e
      : [e.pointer || e.field || '', e.pointer || e.field ? ': ' : '', e.message || e.detail || JSON.stringify(e)]))) : null,
    error.status === 401 ? h('p', {}, 'The API needs a token: use "Sign in with a token" at the top.') : null);
}

export function time(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (isNaN(date)) {
    return iso;
  }
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function percent(value) {
  return value === null || value === undefined ? '' : Math.round(value * 100) + '%';
}

export function statusBadge(status) {
  return h('span', { class: 'status status-' + String(status).toLowerCase().replace('_', '-') }, status);
}

export function fileName(job) {
  const key = job.source && job.source.key ? job.source.key : job.jobId;
  return key.split('/').pop();
}

/** Says text to screen readers (the polite live region). */
export function announce(text) {
  const region = document.getElementById('announcer');
  region.append(h('p', {}, text));
  while (region.childNodes.length > 5) {
    region.firstChild.remove();
  }
}
