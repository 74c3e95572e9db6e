// The console: a hash router over three screens, the sign-in with a token, and the live job stream.
import { setToken, takeTokenFromUrl, token } from './api.js';
import { reconnect } from './live.js';
import { jobsView } from './jobs.js';
import { jobView } from './job.js';
import { reviewQueueView, reviewJobView } from './review.js';

let current = null;

function route() {
  const path = location.hash.replace(/^#/, '') || '/';
  let match;
  if ((match = path.match(/^\/jobs\/([^/]+)\/review$/))) {
    return { nav: 'review', view: main => reviewJobView(main, decodeURIComponent(match[1])) };
  }
  if ((match = path.match(/^\/jobs\/([^/]+)$/))) {
    return { nav: 'jobs', view: main => jobView(main, decodeURIComponent(match[1])) };
  }
  if (path === '/review') {
    return { nav: 'review', view: main => reviewQueueView(main) };
  }
  return { nav: 'jobs', view: main => jobsView(main) };
}

/** Shows the screen of the address; after a navigation, focus goes to its heading (screen readers start there). */
function render(moveFocus = false) {
  if (current && current.leave) {
    current.leave();
  }
  const main = document.getElementById('main');
  main.replaceChildren();
  const { nav, view } = route();
  document.querySelectorAll('[data-nav]').forEach(link => {
    if (link.dataset.nav === nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  current = view(main) || null;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    if (moveFocus) {
      heading.focus();
    }
  }
}

function signIn() {
  const form = document.getElementById('signin-form');
  const state = document.getElementById('signin-state');
  const show = () => {
    state.textContent = token() ? 'Signed in: the console sends your token with every call.' : 'Not signed in.';
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    const value = form.elements.token.value.trim();
    setToken(value || null);
    form.elements.token.value = '';
    show();
    document.getElementById('signin').open = false;
    reconnect();
    render();
  });
  document.getElementById('signout').addEventListener('click', () => {
    setToken(null);
    show();
    reconnect();
    render();
  });
  window.addEventListener('docflow:unauthorized', () => {
    document.getElementById('signin').open = true;
  });
  show();
}

takeTokenFromUrl();
signIn();
window.addEventListener('hashchange', () => render(true));
render();
reconnect();
