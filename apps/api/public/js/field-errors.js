/* global CSS */
import { h, uid } from './dom.js';

/** Removes every message a previous answer left in the form. */
export function clearFieldErrors(form) {
  for (const el of form.querySelectorAll('.field-error, .form-error')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('err-'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/** The control (or fieldset) for a server field path: "actors.0.country", else its parent "actors.0", … */
function targetFor(form, path) {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const name = CSS.escape(p);
    const el = form.querySelector(`[name="${name}"]:not([type="hidden"]), [data-field="${name}"]`);
    if (el && el.closest('[hidden]') === null) return el;
  }
  return null;
}

/**
 * Shows the server's `fields` beside their inputs ("actors.0.country" → that row's country input) and the
 * rest, with the overall message, at the top of the form. Focuses the first problem so it is read out.
 */
export function showFieldErrors(form, error, prefix = '') {
  clearFieldErrors(form);
  const fields = error.fields ?? {};
  const unplaced = [];
  let first = null;
  for (const [path, problem] of Object.entries(fields)) {
    const local = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const target = targetFor(form, local);
    if (!target) {
      unplaced.push(`${path} ${problem}`);
      continue;
    }
    const message = h('p', { class: 'field-error', id: uid('err') }, problem);
    const legend = target.matches('fieldset') ? target.querySelector('legend') : null;
    if (legend) legend.after(message);
    else if (target.matches('fieldset')) target.prepend(message);
    else {
      (target.closest('.field') ?? target).append(message);
      target.setAttribute('aria-invalid', 'true');
      const described = target.getAttribute('aria-describedby');
      target.setAttribute('aria-describedby', described ? `${described} ${message.id}` : message.id);
    }
    first ??= target.matches('fieldset') ? target.querySelector('input, select, textarea') : target;
  }
  const summary = Object.keys(fields).length
    ? `${Object.keys(fields).length === 1 ? 'One field needs' : `${Object.keys(fields).length} fields need`} attention.`
    : error.message;
  const box = h(
    'div',
    { class: 'form-error', role: 'alert', tabindex: '-1' },
    h('p', {}, summary),
    unplaced.length
      ? h(
          'ul',
          {},
          unplaced.map((text) => h('li', {}, text)),
        )
      : null,
  );
  const heading = form.querySelector(':scope > h3');
  // A bar of fields (the filters) keeps its place: its summary goes below it, not on top pushing it down.
  if (form.dataset.errorSummary === 'below') form.append(box);
  else if (heading) heading.after(box);
  else form.prepend(box);
  (first ?? box).focus();
}
