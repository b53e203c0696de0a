/* global sessionStorage */
import { api } from './api.js';
import { field, h } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';

// The admin token lives in sessionStorage only: it is forgotten when the tab closes, and is never written to
// localStorage or a cookie (a cookie would also be sent with every request, inviting CSRF).
const KEY = 'annals.adminToken';
// Who the token acts as ({ credentialName, role }), as the server said at sign-in: shown, never trusted.
const WHO = 'annals.signedInAs';
const listeners = new Set();

export const adminSession = {
  token() {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  who() {
    try {
      return JSON.parse(sessionStorage.getItem(WHO) ?? 'null');
    } catch {
      return null;
    }
  },
  signIn(token, who) {
    sessionStorage.setItem(KEY, token);
    sessionStorage.setItem(WHO, JSON.stringify({ credentialName: who.credentialName, role: who.role }));
    listeners.forEach((fn) => fn(token));
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(WHO);
    listeners.forEach((fn) => fn(null));
  },
  onChange(fn) {
    listeners.add(fn);
  },
};

/** Asks for the token, checks it with the server (a read that changes nothing) and keeps it for the tab. */
export function tokenForm({ note } = {}) {
  const input = h('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'token-form', novalidate: true },
    note ? h('p', { class: 'notice', role: 'alert' }, note) : null,
    field(
      'API token',
      input,
      'Yours, as an admin gave it to you. Kept in this tab only, until you close it or sign out.',
    ),
    h(
      'p',
      { class: 'hint token-where' },
      'Running Annals yourself on its embedded database? Its first start generated an admin token and keeps it on the server in ',
      h('code', {}, '.data/admin-token'),
      ' (under ',
      h('code', {}, 'DATA_DIR'),
      '). With your own database, use ',
      h('code', {}, 'ADMIN_TOKEN'),
      ' or ',
      h('code', {}, 'npm run credentials -- create'),
      '.',
    ),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const token = input.value.trim();
    if (!token) return showFieldErrors(form, { message: 'Enter your API token.', fields: { token: 'is required' } });
    submit.disabled = true;
    try {
      const who = await api.whoami(token);
      input.value = '';
      adminSession.signIn(token, who);
    } catch (error) {
      const refused = error.status === 401 || error.status === 403;
      showFieldErrors(form, refused ? { message: error.message, fields: { token: error.message } } : error);
    } finally {
      submit.disabled = false;
    }
  });
  return { form, focus: () => input.focus() };
}
