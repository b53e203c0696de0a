/* global clearTimeout */
import { h } from './dom.js';

// Long enough for a screen reader to register a new live region before its text arrives.
const REGISTER_MS = 100;

/**
 * A status message screen readers announce: the live region goes into the page empty and its text arrives a
 * moment later. A region inserted with its text already in it is often not read at all, inside dialogs above
 * all. An empty notice takes no room (forms.css).
 */
export function liveNotice(className = 'notice') {
  const el = h('p', { class: className, role: 'status' });
  let pending;
  return {
    el,
    say(text) {
      clearTimeout(pending);
      el.textContent = '';
      pending = setTimeout(() => (el.textContent = text), REGISTER_MS);
    },
  };
}
