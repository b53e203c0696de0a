/* global document, Event, Node */
// DOM building without innerHTML: text always goes in as text nodes, so API data can never become markup.

/**
 * h('p', { class: 'x', onclick: fn }, 'text', child) → element. Props: class, text, dataset, on<event>,
 * anything else as an attribute (true → empty attribute; false/null/undefined → left out).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

export const byId = (id) => document.getElementById(id);

let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled form field: <div class="field"><label/>control<p hint/></div>; returns the wrapper. */
export function field(label, control, hint) {
  if (!control.id) control.id = uid('f');
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** Only http(s) links from data: anything else (javascript:, data:) is shown as text, never followed. */
export function safeHttpUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const openers = new WeakMap();

/** Opens a modal dialog, remembering what had focus so that closing it can give focus back. */
export function openDialog(dialog) {
  if (dialog.open) return;
  openers.set(dialog, document.activeElement);
  dialog.showModal();
}

/**
 * On close, focus returns to the opener — or, when the opener was replaced meanwhile (the timeline reloaded),
 * to `fallback()`. A click on the backdrop closes the dialog, as Escape does.
 */
export function manageDialog(dialog, fallback = () => null) {
  dialog.addEventListener('close', () => {
    const active = document.activeElement;
    if (active && active !== document.body && !dialog.contains(active)) return;
    const opener = openers.get(dialog);
    (opener?.isConnected ? opener : fallback())?.focus();
  });
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) requestClose(dialog);
  });
}

/** Closes a dialog the way Escape does: a "cancel" listener may keep it open (unsaved input). */
export function requestClose(dialog) {
  if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
}
