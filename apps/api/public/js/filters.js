/* global URLSearchParams */
// The filter form ⇄ the page's query string ⇄ the API's query. The page URL is the shareable view.

export const FILTER_KEYS = ['q', 'actor', 'country', 'type', 'status', 'from', 'to', 'asOf'];
const PAGE_KEYS = [...FILTER_KEYS, 'limit'];

/** The known parameters of a query string, non-empty ones only. */
export function paramsFromSearch(search) {
  const query = new URLSearchParams(search);
  const params = {};
  for (const key of PAGE_KEYS) {
    const value = query.get(key)?.trim();
    if (value) params[key] = value;
  }
  return params;
}

export function searchFromParams(params) {
  const query = new URLSearchParams();
  for (const key of PAGE_KEYS) if (params[key]) query.set(key, params[key]);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const pad = (n) => String(n).padStart(2, '0');

/** ISO instant → the viewer's local "YYYY-MM-DDTHH:MM" for datetime-local ('' if not a date). */
function toLocalInput(iso) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function fillFilterForm(form, params) {
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (!input) continue;
    const value = params[key] ?? '';
    input.value = key === 'asOf' && value ? toLocalInput(value) || value : value;
  }
}

/** The form as API parameters: codes upper-cased, "as of" as an ISO instant (the viewer's local time). */
export function paramsFromForm(form, previous) {
  const params = {};
  for (const key of FILTER_KEYS) {
    const value = form.elements.namedItem(key)?.value.trim();
    if (!value) continue;
    if (key === 'country') params[key] = value.toUpperCase();
    else if (key === 'asOf') {
      const at = new Date(value);
      // An unchanged control keeps the URL's exact instant; an invalid one goes to the API, which says why.
      params[key] =
        value === toLocalInput(previous.asOf ?? '')
          ? previous.asOf
          : Number.isNaN(at.getTime())
            ? value
            : at.toISOString();
    } else params[key] = value;
  }
  if (previous.limit) params.limit = previous.limit;
  return params;
}

export function sameParams(a, b) {
  return searchFromParams(a) === searchFromParams(b);
}
